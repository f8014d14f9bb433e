using AngleSharp.Dom;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Analytics;

/// <summary>Newsroom people and stories for the dashboard and analytics tests, each test its own.</summary>
public static class NewsroomData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A signed-in author (role "author") with a byline linked to the account.</summary>
    public static async Task<(ReaderSession Session, Author Byline)> SignedInAuthorAsync(this BroadsheetApp app)
    {
        var (session, user) = await app.SignedInReaderAsync(Roles.Author);
        var byline = await app.AuthorAsync();
        await app.WithDbAsync(async db =>
        {
            db.Authors.Attach(byline);
            byline.UserId = user.Id;
            await db.SaveChangesAsync();
        });
        return (session, byline);
    }

    public static Task<Article> StoryAsync(this BroadsheetApp app, Author byline, ArticleStatus status, Action<Article>? shape = null) =>
        app.ArticleAsync(a =>
        {
            a.Status = status;
            if (status == ArticleStatus.Scheduled) a.PublishedAt = DateTime.UtcNow.AddDays(2);
            if (status is ArticleStatus.Draft) a.PublishedAt = null;
            shape?.Invoke(a);
        }, author: byline);

    public static async Task<IDocument> PageAsync(this ReaderSession session, string path, int status = 200)
    {
        var (response, page) = await session.GetPageAsync(path);
        ((int)response.StatusCode).ShouldBe(status, path);
        return page;
    }

    /// <summary>The article ids listed in a section, in order.</summary>
    public static int[] Listed(this IDocument page, string section) =>
        [.. page.QuerySelectorAll($"#{section} [data-article]").Select(e => int.Parse(e.GetAttribute("data-article")!))];
}
