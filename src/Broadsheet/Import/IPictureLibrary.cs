namespace Broadsheet.Import;

/// <summary>A picture in the site's media library: its file under /media, its size and every file written for it.</summary>
public sealed record LibraryPicture(int Id, string FileName, int Width, int Height, IReadOnlyList<string> Files);

/// <summary>
/// Where the import puts the old site's pictures: the newsroom's media library, which sits above
/// Import in the feature order, so the library implements this (Newsroom/Media/ImportPictures) and
/// Import names no type of it. Stored pictures get the library's checks, fresh encode and smaller
/// copies (the srcset) like an upload.
/// </summary>
public interface IPictureLibrary
{
    /// <summary>
    /// Stores the bytes as a new picture with its credit and licence note (the import's credit rule,
    /// Media/PictureCredit.FromWordPress), or returns null with the reason it was refused.
    /// </summary>
    Task<(LibraryPicture? Picture, string Error)> StoreAsync(byte[] data, string fileName, string alt, string credit, string licence, CancellationToken ct);

    /// <summary>A picture stored earlier, or null when the newsroom has deleted it since.</summary>
    Task<LibraryPicture?> FindAsync(int id, CancellationToken ct);
}
