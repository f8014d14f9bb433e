using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Feeds;

public sealed record FeedTerm(string Name, string Slug);

/// <summary>
/// One story as a feed carries it. <see cref="Html"/> is null in summary mode. <see cref="Fragment"/>
/// points into the story (a correction's anchor), so each note has its own permalink and id.
/// </summary>
public sealed record FeedItem(
    string Title, string Slug, string Standfirst, string? Html,
    DateTime PublishedAt, DateTime UpdatedAt,
    string AuthorName, string AuthorSlug, FeedTerm Category, List<FeedTerm> Tags,
    string? ImagePath, string? Fragment = null)
{
    /// <summary>The picture's caption, credit and licence note, for the Media RSS elements (issue 24).</summary>
    public FeedPictureWords PictureWords { get; init; } = FeedPictureWords.None;

    /// <summary>The names after the first author (issue 24), in byline order; a guest has no slug and maybe a link.</summary>
    public List<FeedAuthor> MoreAuthors { get; init; } = [];

    /// <summary>When a reader last saw it change: edited, or went live (a scheduled story's UpdatedAt can be older).</summary>
    public DateTime Modified => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}

public sealed record FeedAuthor(string Name, string? Slug, string? Url);

public sealed record FeedPictureWords(string Caption, string Credit, string Licence)
{
    public static readonly FeedPictureWords None = new("", "", "");
}

public static class FeedItems
{
    /// <summary>The newest live stories of a source; the body only when the feed carries it.</summary>
    public static async Task<List<FeedItem>> NewestAsync(BroadsheetDb db, FeedSource source, DateTime now, int take, bool withBody, CancellationToken ct)
    {
        var live = db.Articles.AsNoTracking().Live(now);
        // An author's feed walks each of its two indexes a feed long and fetches those rows by key.
        if (source.AuthorId is { } author) live = (await db.NewestByAuthorAsync(author, now, null, take, ct)).AsNoTracking();
        else if (source.Filter is not null) live = live.Where(source.Filter);
        return await live.Newest().Take(take).Select(a => new FeedItem(
                a.Title, a.Slug, a.Standfirst, withBody ? a.BodyHtml : null,
                a.PublishedAt!.Value, a.UpdatedAt,
                a.Author.DisplayName, a.Author.Slug, new FeedTerm(a.Category.Name, a.Category.Slug),
                a.Tags.OrderBy(t => t.Name).Select(t => new FeedTerm(t.Name, t.Slug)).ToList(),
                a.ImagePath)
            {
                PictureWords = new FeedPictureWords(a.ImageCaption, a.ImageCredit, a.ImageLicence),
                MoreAuthors = a.Bylines.OrderBy(b => b.Position)
                    .Select(b => new FeedAuthor(b.Author != null ? b.Author.DisplayName : b.GuestName, b.Author != null ? b.Author.Slug : null, b.GuestUrl)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
    }

    /// <summary>The newest notes on live stories, each an item linking to its anchor on the story.</summary>
    public static async Task<List<FeedItem>> CorrectionsAsync(BroadsheetDb db, DateTime now, int take, CancellationToken ct)
    {
        var live = db.Articles.AsQueryable().Live(now);
        var rows = await db.Corrections.AsNoTracking()
            .Where(c => live.Any(a => a.Id == c.ArticleId))
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new
            {
                c.Id, c.Kind, c.Text, c.PublishedAt, c.AmendedAt, c.Article.Title, c.Article.Slug,
                Author = c.Article.Author.DisplayName, AuthorSlug = c.Article.Author.Slug,
                Category = new FeedTerm(c.Article.Category.Name, c.Article.Category.Slug),
            })
            .ToListAsync(ct);
        return [.. rows.Select(c => new FeedItem(
            $"{(c.Kind == CorrectionKind.Correction ? "Correction" : "Clarification")}: {c.Title}", c.Slug, c.Text, null,
            c.PublishedAt, c.AmendedAt ?? c.PublishedAt, c.Author, c.AuthorSlug, c.Category, [], null, $"correction-{c.Id}"))];
    }
}
