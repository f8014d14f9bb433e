using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Articles;
using System.Security.Cryptography;
using Broadsheet.Caching;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Media;

public sealed record MediaRow(int Id, string FileName, string Extension, int Width, int Height, long Bytes,
    string VariantWidths, string Alt, string? UploadedBy, DateTime UploadedAt, string Credit = "", string Licence = "");

public sealed record DeleteOutcome(bool Found, IReadOnlyList<string> UsedBy);

/// <summary>Uploaded pictures: writes the files then the row (removing the files if the row fails), lists and deletes them.</summary>
public sealed class MediaLibrary(BroadsheetDb db, IOptions<MediaOptions> options, IConfiguration config, IWebHostEnvironment env,
    TimeProvider clock, AuditLog audit, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache)
{
    private string Folder => Broadsheet.Media.MediaFolder.DirectoryOf(config, env);

    public async Task<MediaImage> StoreAsync(PreparedPicture picture, string alt, int? userId, CancellationToken ct,
        string credit = "", string licence = "")
    {
        // 128 random bits as hex: 32 characters nobody can guess or enumerate.
        var stem = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var files = new List<string>();
        try
        {
            Directory.CreateDirectory(Folder);
            await WriteAsync($"{stem}.{picture.Extension}", picture.Full, files, ct);
            foreach (var (width, bytes) in picture.Variants)
                await WriteAsync($"{stem}-{width}.{picture.Extension}", bytes, files, ct);
            var image = db.MediaImages.Add(new MediaImage
            {
                Stem = stem,
                Extension = picture.Extension,
                Width = picture.Width,
                Height = picture.Height,
                Bytes = picture.Full.LongLength,
                VariantWidths = string.Join(',', picture.Variants.Select(v => v.Width)),
                Alt = alt,
                Credit = credit,
                Licence = licence,
                UploadedByUserId = userId,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
            }).Entity;
            await db.SaveChangesAsync(ct);
            return image;
        }
        catch
        {
            foreach (var file in files) File.Delete(file);
            throw;
        }
    }

    private async Task WriteAsync(string name, byte[] bytes, List<string> written, CancellationToken ct)
    {
        var path = Path.Combine(Folder, name);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        written.Add(path);
        await file.WriteAsync(bytes, ct);
    }

    public async Task<(IReadOnlyList<MediaRow> Rows, bool More)> PageAsync(int page, CancellationToken ct)
    {
        var size = Math.Max(1, options.Value.PageSize);
        var rows = await db.MediaImages.AsNoTracking()
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * size).Take(size + 1)
            .Select(m => new MediaRow(m.Id, m.Stem + "." + m.Extension, m.Extension, m.Width, m.Height, m.Bytes, m.VariantWidths, m.Alt,
                db.Users.Where(u => u.Id == m.UploadedByUserId).Select(u => u.DisplayName).FirstOrDefault(), m.UploadedAt, m.Credit, m.Licence))
            .ToListAsync(ct);
        return (rows.Take(size).ToList(), rows.Count > size);
    }

    public Task<MediaImage?> FindAsync(int id, CancellationToken ct) =>
        db.MediaImages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>
    /// Sets a picture's credit and licence note, and the copies every article showing it keeps
    /// (Article.ImageCredit), in one transaction with an audit entry; then evicts the cached pages.
    /// Returns the titles of the stories that changed, or null when the picture is gone.
    /// </summary>
    public async Task<IReadOnlyList<string>?> SetCreditAsync(int id, string credit, string licence, System.Security.Claims.ClaimsPrincipal by, CancellationToken ct)
    {
        var image = await db.MediaImages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (image is null) return null;
        var name = image.FileName;
        var (oldCredit, oldLicence) = (image.Credit, image.Licence);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (image.Credit, image.Licence) = (credit, licence);
        audit.Add(by, "media.credit", "media", id.ToString(),
            $"{name}: credit \"{oldCredit}\" → \"{credit}\"; licence \"{oldLicence}\" → \"{licence}\".");
        await db.SaveChangesAsync(ct);
        var shown = await db.Articles.Where(a => a.ImagePath == name).OrderBy(a => a.Title).Select(a => a.Title).ToListAsync(ct);
        await db.Articles.Where(a => a.ImagePath == name)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ImageCredit, credit).SetProperty(a => a.ImageLicence, licence), ct);
        await tx.CommitAsync(ct);
        if (shown.Count > 0) await cache.ContentChangedAsync(ct);
        return shown;
    }

    /// <summary>Removes the row and its files, unless an article still shows the picture.</summary>
    public async Task<DeleteOutcome> DeleteAsync(int id, System.Security.Claims.ClaimsPrincipal by, CancellationToken ct)
    {
        var image = await db.MediaImages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (image is null) return new(false, []);
        var name = image.FileName;
        var usedBy = await db.Articles.Where(a => a.ImagePath == name).OrderBy(a => a.Title).Select(a => a.Title).ToListAsync(ct);
        if (usedBy.Count > 0) return new(true, usedBy);
        db.MediaImages.Remove(image);
        audit.Add(by, "media.delete", "media", id.ToString(), $"Deleted the picture {name} ({image.Width}×{image.Height}).");
        await db.SaveChangesAsync(ct);
        foreach (var file in FilesOf(image)) File.Delete(file);
        return new(true, []);
    }

    private IEnumerable<string> FilesOf(MediaImage image) =>
        [Path.Combine(Folder, image.FileName),
         .. image.VariantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => Path.Combine(Folder, $"{image.Stem}-{w}.{image.Extension}"))];
}
