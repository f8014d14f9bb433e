using Broadsheet.Accounts;
using System.Security.Claims;

namespace Broadsheet.Comments;

/// <summary>A comment just written by the signed-in reader, as a node of the thread, without reading it back.</summary>
public static class NewComment
{
    public static CommentNode Node(Comment c, ClaimsPrincipal author)
    {
        var row = new ThreadRow(c.Id, c.ParentId, c.UserId, author.DisplayName(), author.Handle(), c.Status, c.BodyHtml,
            c.CreatedAt, c.EditedAt, c.Upvotes, c.Downvotes, c.Score);
        return new CommentNode(row, c.Status == CommentStatus.Held ? NodeKind.Held : NodeKind.Comment);
    }
}

/// <summary>The htmx answer to a new top-level comment: a fresh form, and the comment for the top of the list.</summary>
public sealed record PostedView(CommentFormView Form, CommentItem Comment);
