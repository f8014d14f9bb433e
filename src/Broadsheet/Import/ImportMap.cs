using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Import;

/// <summary>
/// This source's ImportedItems, loaded once: which local row each WordPress item became on an
/// earlier run. Recording goes through the same context, so it commits or rolls back with the rest.
/// </summary>
internal sealed class ImportMap
{
    private readonly BroadsheetDb db;
    private readonly DateTime now;
    private readonly Dictionary<(string Kind, string Id), ImportedItem> items;

    private ImportMap(BroadsheetDb db, string source, DateTime now, Dictionary<(string, string), ImportedItem> items) =>
        (this.db, Source, this.now, this.items) = (db, source, now, items);

    public string Source { get; }

    public static async Task<ImportMap> LoadAsync(BroadsheetDb db, string siteUrl, DateTime now, CancellationToken ct)
    {
        var source = Fit("wordpress:" + siteUrl, 300);
        var rows = await db.ImportedItems.Where(i => i.Source == source).ToListAsync(ct);
        return new ImportMap(db, source, now, rows.ToDictionary(i => (i.Kind, i.ExternalId)));
    }

    public long? Find(string kind, string externalId) =>
        items.TryGetValue((kind, Key(externalId)), out var item) ? item.LocalId : null;

    /// <summary>Imported before, from exactly the same item: the local row is not to be touched.</summary>
    public bool Unchanged(string kind, string externalId, string fingerprint) =>
        fingerprint.Length > 0 && items.TryGetValue((kind, Key(externalId)), out var item) && item.Fingerprint == fingerprint;

    public void Record(string kind, string externalId, long localId, string? fingerprint = null)
    {
        var key = Key(externalId);
        if (!items.TryGetValue((kind, key), out var item))
        {
            item = new ImportedItem { Source = Source, Kind = kind, ExternalId = key };
            db.ImportedItems.Add(item);
            items[(kind, key)] = item;
        }
        // Saved and let go earlier in this run (WordPressImport.LetGoOfSavedRows): tracked again to save the change.
        else if (db.Entry(item).State == EntityState.Detached) db.ImportedItems.Attach(item);
        item.LocalId = localId;
        item.ImportedAt = now;
        if (fingerprint is not null) item.Fingerprint = fingerprint;
    }

    /// <summary>Ids longer than the column (long percent-encoded slugs) keep a readable start and a hash of the whole.</summary>
    private static string Key(string id) =>
        id.Length <= 100 ? id : id[..60] + "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];

    public static string Fit(string text, int max) => text.Length <= max ? text : text[..max];
}
