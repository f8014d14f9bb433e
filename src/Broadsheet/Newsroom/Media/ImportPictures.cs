using Broadsheet.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Media;

/// <summary>
/// The import's pictures go through the same checks and encoder as an upload (MediaUpload) and
/// become ordinary library rows, so the newsroom sees, reuses and deletes them like its own.
/// Written in the caller's context and transaction: the import commits or rolls back with them.
/// </summary>
internal sealed class ImportPictures(MediaLibrary library, Data.BroadsheetDb db, IOptions<MediaOptions> options,
    IConfiguration config, IWebHostEnvironment env) : IPictureLibrary
{
    public async Task<(LibraryPicture? Picture, string Error)> StoreAsync(byte[] data, string fileName, string alt, string credit, string licence, CancellationToken ct)
    {
        if (MediaUpload.Prepare(data, fileName, options.Value, out var error) is not { } prepared) return (null, error);
        var image = await library.StoreAsync(prepared, alt.Length > 300 ? alt[..300] : alt, userId: null, ct, credit, licence);
        return (Of(image), "");
    }

    public async Task<LibraryPicture?> FindAsync(int id, CancellationToken ct) =>
        await db.MediaImages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } image ? Of(image) : null;

    private LibraryPicture Of(MediaImage image)
    {
        var folder = Broadsheet.Media.MediaFolder.DirectoryOf(config, env);
        string[] files = [image.FileName, .. image.VariantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => $"{image.Stem}-{w}.{image.Extension}")];
        return new LibraryPicture(image.Id, image.FileName, image.Width, image.Height, [.. files.Select(f => Path.Combine(folder, f))]);
    }
}
