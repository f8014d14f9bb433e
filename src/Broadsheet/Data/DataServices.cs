using Broadsheet.Data.Migrations.Postgres;
using Broadsheet.Data.Migrations.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Broadsheet.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DataServices
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var connection = config.GetConnectionString("Broadsheet");
        var protection = services.AddDataProtection().SetApplicationName("Broadsheet");
        switch (ProviderFrom(config))
        {
            case DatabaseProvider.Postgres:
                PostgresBroadsheetDb.Register(services, connection);
                // In the database every instance shares, so a cookie or form token made by one
                // instance is read by all of them.
                protection.PersistKeysToDbContext<BroadsheetDb>();
                break;
            default:
                var file = SqliteBroadsheetDb.Register(services, connection, env.ContentRootPath);
                // One box: a keys folder beside the database file (data/keys by default), so
                // a restart keeps readers signed in. Back it up with the database.
                var keys = KeysFolder(config, env.ContentRootPath, file);
                // The keys are stored unencrypted (there is no DPAPI on Linux): only the app's
                // own user may read the folder.
                if (!OperatingSystem.IsWindows() && !Directory.Exists(keys))
                    Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
                break;
        }
        // Optional: the keys encrypted at rest with a certificate every instance has. Without
        // one, whoever can read the keys folder or table could forge sign-in cookies.
        if (config["DataProtection:Certificate"] is { Length: > 0 } certificate)
            protection.ProtectKeysWithCertificate(LoadCertificate(Path.GetFullPath(certificate, env.ContentRootPath), config["DataProtection:CertificatePassword"]));
        return services;
    }

    /// <summary>A PFX with its private key, or a start that stops here saying what is wrong with it.</summary>
    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 certificate;
        try { certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password); }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"DataProtection:Certificate {path} could not be read: {ex.Message}", ex);
        }
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"DataProtection:Certificate {path} has no private key, so the keys it protects could not be read back.");
    }

    /// <summary>The Data Protection keys folder on one box; `backup` copies it with the database.</summary>
    public static string KeysFolder(IConfiguration config, string contentRoot, string databaseFile) =>
        config["DataProtection:KeysDirectory"] is { Length: > 0 } dir
            ? Path.GetFullPath(dir, contentRoot)
            : Path.Combine(Path.GetDirectoryName(databaseFile) is { Length: > 0 } folder ? folder : Path.Combine(contentRoot, "data"), "keys");

    public static DatabaseProvider ProviderFrom(IConfiguration config)
    {
        var raw = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(raw)) return DatabaseProvider.Sqlite;
        if (Enum.TryParse<DatabaseProvider>(raw, ignoreCase: true, out var p) && Enum.IsDefined(p)) return p;
        if (raw.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)) return DatabaseProvider.Postgres;
        throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{raw}'.");
    }
}
