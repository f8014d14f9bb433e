using Broadsheet.Data.Providers;
using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Broadsheet.Data;

public static class DataServices
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var protection = services.AddDataProtection().SetApplicationName("Broadsheet");
        // The provider registers the context and says where the keys live (a folder or the database).
        DatabaseProviders.For(config).Register(services, config, env, protection);
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
}
