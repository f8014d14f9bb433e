using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Votes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Broadsheet.Data.Identity;

namespace Broadsheet.Comments;

/// <summary>
/// POST /comments/{id}/vote with direction = up | down | clear: back to the comment without
/// JavaScript, the comment's new votes in place with htmx.
/// </summary>
[Authorize]
public sealed class VoteModel(BroadsheetDb db, CommentVoting voting, IOptionsMonitor<CommentOptions> options, TimeProvider clock)
    : CommentPageModel(clock)
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string? direction, CancellationToken ct)
    {
        if (!VoteChange.TryParse(direction, out var wanted))
            return Refused(new Refusal(StatusCodes.Status400BadRequest, "A vote is up, down or clear."));
        var (state, refusal) = await voting.VoteAsync(id, User.UserId()!.Value, wanted, ct);
        var item = await CommentItem.LoadAsync(db, id, User, options.CurrentValue.CloseAfterDays, Now, ct);
        if (refusal is not null)
        {
            if (!IsHtmx || item is null) return Refused(refusal);
            Refusal = refusal;
            Response.StatusCode = refusal.Status;
            return Partial("_CommentVotes", item.Votes with { Error = refusal.Message });
        }
        if (item is null) return Refused(Refusal.Gone());
        return IsHtmx ? Partial("_CommentVotes", item.Votes) : Redirect(item.Context.Article.AnchorOf(state!.CommentId));
    }
}
