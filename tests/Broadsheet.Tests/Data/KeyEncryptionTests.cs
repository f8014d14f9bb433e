using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Broadsheet.Tests.Data;

/// <summary>The app with <c>DataProtection:Certificate</c> set: a self-signed PFX made for it, in its own folder.</summary>
public sealed class CertificateKeysApp : BroadsheetApp
{
    public const string Password = "pfx-test-password";

    public CertificateKeysApp()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Broadsheet key protection (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificateFile, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string CertificateFile => Path.Combine(Folder, "keys.pfx");

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("DataProtection:Certificate", CertificateFile), new("DataProtection:CertificatePassword", Password)];
}

[Trait("Category", "Integration")]
public sealed class KeyEncryptionTests(CertificateKeysApp app) : IClassFixture<CertificateKeysApp>
{
    /// <summary>Every stored key's XML, from the table (PostgreSQL) or the keys folder (SQLite).</summary>
    private async Task<IReadOnlyList<string>> StoredKeysAsync() => TestDatabase.IsPostgres
        ? await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync())
        : [.. Directory.GetFiles(Path.Combine(app.Folder, "keys"), "*.xml").Select(File.ReadAllText)];

    [Fact]
    public async Task Keys_are_stored_encrypted_with_the_certificate_and_a_restart_still_reads_them()
    {
        var (reader, _) = await app.SignedInReaderAsync();
        using var _ = reader;

        var keys = await StoredKeysAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("<encryptedSecret") && !xml.Contains("<masterKey"));

        // Another instance with the same certificate decrypts the keys and honours the cookie.
        await using var restarted = await BroadsheetApp.SiblingOfAsync(app);
        using var again = reader.SameBrowserOn(restarted.Address);
        ((int)(await again.GetPageAsync("/account")).Response.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_app_saying_so()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Broadsheet"] = $"Data Source={Path.Combine(app.Folder, "wrong-password.db")}",
            ["DataProtection__Certificate"] = app.CertificateFile,
            ["DataProtection__CertificatePassword"] = "not-the-password",
        };

        var (exit, output) = await AppProcess.RunAsync(app.Folder, environment, "migrate");

        exit.ShouldNotBe(0);
        output.ShouldContain($"DataProtection:Certificate {app.CertificateFile} could not be read");
    }
}
