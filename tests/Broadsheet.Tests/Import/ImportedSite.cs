using Broadsheet.Caching;
using Broadsheet.Tests.Fixtures;
using System.Text;

namespace Broadsheet.Tests.Import;

/// <summary>
/// The app with <see cref="WordPressExport"/> imported once through the real command (its own
/// process, as an operator runs it), pictures in the app's own media folder.
/// </summary>
public sealed class ImportedSite : BroadsheetApp
{
    public string Uploads => Path.Combine(Folder, "uploads");

    /// <summary>What the first run printed.</summary>
    public string FirstRun { get; private set; } = "";

    /// <summary>The featured picture as it was handed over: a JPEG with an Exif block that names a GPS position.</summary>
    public byte[] OriginalPicture { get; } = JpegWithGps(64, 40);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var picture = Path.Combine(Uploads, WordPressExport.Picture);
        Directory.CreateDirectory(Path.GetDirectoryName(picture)!);
        await File.WriteAllBytesAsync(picture, OriginalPicture);
        var (code, output) = await ImportAsync(WordPressExport.Xml);
        code.ShouldBe(0, output);
        FirstRun = output;
        await this.ContentChangedAsync();
    }

    /// <summary>Runs `import wordpress` on the given export text against this app's database.</summary>
    public async Task<(int ExitCode, string Output)> ImportAsync(string xml)
    {
        var file = Path.Combine(Folder, $"export-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, xml);
        return await this.ImportFileAsync(file, Uploads);
    }

    public int MediaFileCount => Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder).Length : 0;

    /// <summary>A real JPEG with an APP1 Exif segment spliced in after SOI, as a phone writes one.</summary>
    private static byte[] JpegWithGps(int width, int height)
    {
        var jpeg = TestPicture.Jpeg(width, height);
        // "Exif\0\0", a big-endian TIFF header, an empty IFD, then the text a GPS IFD would hold.
        var tiff = new byte[] { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0 };
        byte[] payload = [.. "Exif\0\0"u8, .. tiff, .. Encoding.ASCII.GetBytes("GPSLatitude 59.9139 N GPSLongitude 10.7522 E")];
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}

public static class ImportCommandRunner
{
    /// <summary>Runs `import wordpress FILE` in its own process, as an operator would, against this app's database and media folder.</summary>
    public static Task<(int ExitCode, string Output)> ImportFileAsync(this BroadsheetApp app, string file, string? uploads, params string[] options) =>
        AppProcess.RunAsync(app.Folder, new Dictionary<string, string>
        {
            ["Database__Provider"] = TestDatabase.Provider,
            ["ConnectionStrings__Broadsheet"] = app.ConnectionString,
            ["Media__Directory"] = app.MediaFolder,
            ["Logging__LogLevel__Default"] = "Warning",
        }, ["import", "wordpress", file, .. uploads is null ? Array.Empty<string>() : ["--uploads", uploads], .. options]);
}
