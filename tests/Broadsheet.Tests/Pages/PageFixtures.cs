using Broadsheet.Pages;
using Broadsheet.Shared;
using Broadsheet.Tests.Fixtures;

namespace Broadsheet.Tests.Pages;

public static class PageFixtures
{
    /// <summary>A page stored straight in the database with a unique slug; published unless told otherwise.</summary>
    public static async Task<Page> PageAsync(this BroadsheetApp app, Action<Page>? shape = null)
    {
        var page = await app.WithDbAsync(async db =>
        {
            var title = $"Corrections policy {Guid.NewGuid():N}"[..27];
            var p = new Page { Title = title, Slug = Slug.From(title), Status = PageStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            p.SetBody("We correct **errors** promptly.\n\nWrite to the editor.");
            shape?.Invoke(p);
            db.Pages.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        await app.ContentChangedAsync();
        return page;
    }
}
