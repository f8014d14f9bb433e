using Broadsheet.Comments;
using Broadsheet.Accounts;
using Broadsheet.Newsroom.Articles;
using Broadsheet.Shared;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Shared;

/// <summary>
/// Markdown nested deeper than Markdig will go (its limit is 128 levels) is refused with 422 and
/// a message the writer can act on, wherever Markdown comes in: a comment, an article's save,
/// its autosave and its live preview. Nothing is stored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DeepMarkdownTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    public static TheoryData<string, string> Nested => new()
    {
        { "quotes", new string('>', 1000) + " deep" },
        { "emphasis", new string('*', 1200) + "deep" + new string('*', 1200) },
        { "lists", string.Concat(Enumerable.Repeat("* ", 1200)) + "deep" },
    };

    [Theory]
    [MemberData(nameof(Nested))]
    public async Task A_comment_nested_too_deep_is_refused_with_422_and_not_stored(string shape, string body)
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using (reader)
        {
            var (response, page) = await reader.CommentAsync(article.Slug, body);
            ((int)response.StatusCode).ShouldBe(422, shape);
            page.Body!.TextContent.ShouldContain("levels deep", customMessage: shape);
        }
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.UserId == user.Id))).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Nested))]
    public async Task An_article_saved_nested_too_deep_is_refused_with_422_and_keeps_its_body(string shape, string body)
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using (editor)
        {
            var id = await editor.WriteAsync(await app.CategoryAsync(), TestNewsroom.Unique("Nested too deep"), "The first sailing moves.");
            var (response, page) = await editor.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?> { ["Input.Body"] = body });
            ((int)response.StatusCode).ShouldBe(422, shape);
            page.QuerySelector(".form-errors")!.TextContent.ShouldContain("levels deep", customMessage: shape);
            (await app.StoredAsync(id)).BodyMarkdown.ShouldBe("The first sailing moves.");
        }
    }

    [Theory]
    [MemberData(nameof(Nested))]
    public async Task Autosave_and_preview_of_a_body_nested_too_deep_answer_422(string shape, string body)
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using (editor)
        {
            var id = await editor.WriteAsync(await app.CategoryAsync(), TestNewsroom.Unique("Nested too deep"), "The first sailing moves.");
            var (_, page) = await editor.GetPageAsync(DeskSession.Edit(id));
            var values = DeskSession.FormValues(page);
            values["Input.Body"] = body;
            var (saved, savedPage) = await editor.PostAsync($"/newsroom/articles/{id}/autosave", values, htmx: true);
            ((int)saved.StatusCode).ShouldBe(422, shape);
            savedPage.Body!.TextContent.ShouldContain("levels deep", customMessage: shape);
            (await app.StoredAsync(id)).BodyMarkdown.ShouldBe("The first sailing moves.");
            var (previewed, previewPage) = await editor.PostAsync("/newsroom/articles/preview", values, htmx: true);
            ((int)previewed.StatusCode).ShouldBe(422, shape);
            previewPage.Body!.TextContent.ShouldContain("levels deep", customMessage: shape);
        }
    }

    [Fact]
    public void The_measure_refuses_deep_nesting_of_every_kind_and_accepts_everyday_writing()
    {
        foreach (var row in Nested) MarkdownNesting.Problem((string)row[1]).ShouldNotBeNull((string)row[0]);
        MarkdownNesting.Problem(new string('>', MarkdownNesting.Limit + 1) + " one too deep").ShouldNotBeNull();
        string[] everyday =
        [
            "> a quote\n>> inside a quote\n\n- a list\n  - in a list\n    - in that one\n\n1. first\n2) second",
            "***bold and italic*** and [a [bracketed] link](https://example.com) with snake_case_names and 2*3*4",
            "Plain words, nothing nested.\n\n* * *\n\n" + string.Concat(Enumerable.Repeat("An *emphasised* word. ", 200)),
            new string('>', MarkdownNesting.Limit) + " as deep as allowed",
            new string('[', 1200) + "brackets parse flat" + new string(']', 1200),
        ];
        foreach (var text in everyday) MarkdownNesting.Problem(text).ShouldBeNull(text[..Math.Min(40, text.Length)]);
    }

    /// <summary>A draft with a secret preview link; returns the link's path.</summary>
    internal static async Task<string> PreviewLinkAsync(BroadsheetApp app)
    {
        var draft = await app.ArticleAsync(a => a.Status = Broadsheet.Articles.ArticleStatus.Draft);
        await using var scope = app.Services.CreateAsyncScope();
        return "/preview/" + await scope.ServiceProvider.GetRequiredService<PreviewLinks>().CreateAsync(draft.Id, new ClaimsPrincipal(), default);
    }
}
