using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Follows;
using Broadsheet.Shared;
using Broadsheet.Votes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class ArticleModel(BroadsheetDb db, VoteService votes, TimeProvider clock) : PageModel
{
    public const int RelatedCount = 4;

    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;
    public FollowButton FollowAuthor { get; private set; } = null!;

    /// <summary>Signed out (the cached page): sign-in links. Signed in (never cached): their vote and a real form, so it works without JavaScript.</summary>
    public VoteControls Votes { get; private set; } = VoteControls.SignedOut;
    public FollowButton FollowCategory { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return NotFound();
        var article = await db.LiveBySlugAsync(slug, Now, ct);
        if (article is null) return NotFound();
        Article = article;
        Related = await db.RelatedAsync(article, Now, RelatedCount, ct);
        var here = $"/articles/{article.Slug}";
        if (User.UserId() is int userId) Votes = VoteControls.For(HttpContext, await votes.StateAsync(userId, article.Id, ct));
        FollowAuthor = await Following.ButtonAsync(db, User, new FollowTarget(FollowKind.Author, article.AuthorId, article.Author.Slug, article.Author.DisplayName), here, ct);
        FollowCategory = await Following.ButtonAsync(db, User, new FollowTarget(FollowKind.Category, article.CategoryId, article.Category.Slug, article.Category.Name), here, ct);
        return Page();
    }
}
