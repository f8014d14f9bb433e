using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Makes a test's own articles, categories, authors and tags straight in the database,
/// every name unique, so tests never see each other's data.
/// </summary>
public static class TestNewsroom
{
    /// <summary>Tells the app its content changed, as the newsroom does when it publishes.</summary>
    public static async Task ContentChangedAsync(this BroadsheetApp app) =>
        await app.Services.GetRequiredService<IOutputCacheStore>().ContentChangedAsync();

    private static async Task<T> Published<T>(this Task<T> write, BroadsheetApp app)
    {
        var result = await write;
        await app.ContentChangedAsync();
        return result;
    }

    /// <summary>A made-up word of letters only (no digits for a tokenizer to split off), for search tests.</summary>
    public static string Word() => new(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('k' + c % 16)).ToArray());

    public static string Unique(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 13)];

    public static async Task<Category> CategoryAsync(this BroadsheetApp app, string? name = null) =>
        await app.WithDbAsync(async db =>
        {
            var slug = Slug.From(Unique(name ?? "Section"));
            var c = db.Categories.Add(new Category { Name = name ?? $"Section {slug[^6..]}", Slug = slug, Position = 50 }).Entity;
            await db.SaveChangesAsync();
            return c;
        }).Published(app);

    public static async Task<Author> AuthorAsync(this BroadsheetApp app, string? name = null) =>
        await app.WithDbAsync(async db =>
        {
            var slug = Slug.From(Unique(name ?? "Reporter"));
            var a = db.Authors.Add(new Author { DisplayName = name ?? $"Reporter {slug[^6..]}", Slug = slug, Bio = "Covers the town hall." }).Entity;
            await db.SaveChangesAsync();
            return a;
        }).Published(app);

    /// <summary>A live story, an hour old, with a unique title and slug; its section and author are the caller's.</summary>
    public static Article Story()
    {
        var title = $"Harbour ferry timetable changes {Guid.NewGuid():N}"[..45];
        var article = new Article
        {
            Title = title,
            Slug = Slug.From(title),
            Standfirst = "The council confirmed new sailing times after a month of consultation.",
            Status = ArticleStatus.Published,
            PublishedAt = DateTime.UtcNow.AddHours(-1),
            UpdatedAt = DateTime.UtcNow.AddHours(-1),
        };
        article.SetBody("The first sailing moves to **seven o'clock**.\n\nCommuters welcomed the change.");
        return article;
    }

    /// <summary>A live article, an hour old unless told otherwise, in a new category by a new author.</summary>
    public static async Task<Article> ArticleAsync(this BroadsheetApp app, Action<Article>? shape = null,
        Category? category = null, Author? author = null, params string[] tags)
    {
        category ??= await app.CategoryAsync();
        author ??= await app.AuthorAsync();
        return await app.WithDbAsync(async db =>
        {
            var article = Story();
            article.CategoryId = category.Id;
            article.AuthorId = author.Id;
            foreach (var name in tags)
            {
                var slug = Slug.From(name);
                article.Tags.Add(db.Tags.FirstOrDefault(t => t.Slug == slug) ?? new Tag { Name = name, Slug = slug });
            }
            shape?.Invoke(article);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article;
        }).Published(app);
    }
}
