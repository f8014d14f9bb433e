using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Import;

/// <summary>
/// Co-Authors Plus (issue 24): the plugin keeps a post's authors as terms of its "author"
/// taxonomy, in byline order, which WordPress exports as
/// <c>&lt;category domain="author" nicename="cap-{login}"&gt;{login}&lt;/category&gt;</c>. The first
/// becomes the story's author (in place of dc:creator), the rest its further bylines. A login
/// among the export's authors is that author's byline; any other (a CAP guest author, who has no
/// WordPress account) becomes a byline without an account, with a warning, as for dc:creator.
/// An export without any such term that still names several people for one post (a dc:creator
/// or a byline field with "and", "&amp;" or a comma) is imported under one author, and warned about.
/// </summary>
public sealed partial class WordPressImport
{
    private static readonly string[] BylineMetaKeys = ["byline", "_byline", "authors", "coauthors", "author_name", "writer"];

    private bool? exportHasCoAuthors;

    /// <summary>The post's authors from its CAP terms, first one first; null when it has none.</summary>
    private async Task<List<Author>?> CoAuthorsAsync(WxrPost post, CancellationToken ct)
    {
        exportHasCoAuthors ??= file.Posts.Any(p => p.Terms.Any(IsCoAuthorTerm));
        if (exportHasCoAuthors == false)
        {
            WarnOtherBylines(post);
            return null;
        }
        var logins = post.Terms.Where(IsCoAuthorTerm).Select(LoginOf).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (logins.Count == 0) return null;
        var authors = new List<Author>();
        foreach (var login in logins)
        {
            var byline = await BylineAsync(login, ct);
            if (!authors.Contains(byline)) authors.Add(byline);
        }
        return authors;
    }

    /// <summary>Writes the bylines after the first, replacing what an earlier run wrote (the article has its id by now).</summary>
    private async Task SetMoreBylinesAsync(Article article, IReadOnlyList<Author> authors, CancellationToken ct)
    {
        await db.ArticleBylines.Where(b => b.ArticleId == article.Id).ExecuteDeleteAsync(ct);
        for (var i = 1; i < authors.Count; i++)
        {
            db.ArticleBylines.Add(new ArticleByline { ArticleId = article.Id, Position = i, AuthorId = authors[i].Id });
            summary.Created("co-author bylines");
        }
    }

    /// <summary>The plugin's taxonomy (a WordPress term kind, not a role of ours).</summary>
    private const string CoAuthorsTaxonomy = "author";

    private static bool IsCoAuthorTerm(WxrTerm t) => t.Taxonomy == CoAuthorsTaxonomy && (t.Slug.StartsWith("cap-", StringComparison.OrdinalIgnoreCase) || t.Name.Length > 0);

    private static string LoginOf(WxrTerm t) =>
        t.Slug.StartsWith("cap-", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(t.Slug[4..]) : t.Name.Trim();

    private void WarnOtherBylines(WxrPost post)
    {
        var named = BylineMetaKeys.Select(k => post.Meta.GetValueOrDefault(k, "")).Prepend(post.Creator)
            .FirstOrDefault(v => v.Contains(" and ", StringComparison.OrdinalIgnoreCase) || v.Contains('&') || v.Contains(','));
        if (named is not null)
            summary.Warn("co-authors", $"post {post.Id} names several authors (\"{ImportMap.Fit(named, 80)}\") but the export has no Co-Authors Plus data: imported under one author; add the others in the newsroom (Byline).");
    }
}
