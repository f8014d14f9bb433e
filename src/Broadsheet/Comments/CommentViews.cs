using Broadsheet.Accounts;
using Broadsheet.Data;
using System.Security.Claims;

namespace Broadsheet.Comments;

/// <summary>
/// What the viewer may do in this thread: signed in or not, banned, the thread closed. Decided
/// once per request on the server; the buttons only mirror it, every action checks again.
/// </summary>
public sealed record CommentContext(ArticleRef Article, int? ViewerId, DateTime? BannedUntil, bool Closed, DateTime Now, string? BanReason = null)
{
    public bool SignedIn => ViewerId is not null;
    public bool Banned => BannedUntil is { } until && until > Now;
    /// <summary>May post, reply and edit.</summary>
    public bool MayWrite => SignedIn && !Banned && !Closed;

    /// <summary>Instead of the form, when there is none to give.</summary>
    public string? Gate => !SignedIn ? null : Closed ? Refusal.Closed.Message : Banned ? Refusal.Banned(BannedUntil!.Value, BanReason).Message : null;

    public CommentItem For(CommentNode node) => new(node, this);

    public static async Task<CommentContext> ForAsync(BroadsheetDb db, ArticleRef article, ClaimsPrincipal user, int closeAfterDays, DateTime now, CancellationToken ct)
    {
        var viewer = user.UserId();
        var standing = viewer is int id ? await Standing.OfAsync(db, id, ct) : null;
        var closed = CommentRules.IsClosed(article.CommentsClosed, article.PublishedAt, now, closeAfterDays);
        return new CommentContext(article, standing is null ? null : viewer, standing?.BannedUntil, closed, now, standing?.BanReason);
    }
}

/// <summary>One comment as this viewer sees it, which of its buttons they get, and a word for them when an action was refused.</summary>
public sealed record CommentItem(CommentNode Node, CommentContext Context, string? Notice = null)
{
    public long Id => Node.Row.Id;
    public bool IsMine => Context.ViewerId is int v && Node.Row.UserId == v;
    public bool Readable => Node.Kind is NodeKind.Comment or NodeKind.Held;
    public bool CanReply => Context.MayWrite && Node.Kind == NodeKind.Comment;
    public bool CanEdit => Context.MayWrite && Readable && Context.ViewerId is int v
        && CommentRules.CanEdit(Node.Row.Status, Node.Row.UserId, v, Node.Row.CreatedAt, Context.Now);
    public bool CanDelete => IsMine && Readable;
    public bool CanReport => Context.SignedIn && Node.Kind == NodeKind.Comment && !IsMine;
    public string Anchor => $"comment-{Id}";

    public CommentVotesView Votes => new(Id, Node.Row.Upvotes, Node.Row.Downvotes, Node.Row.MyVote,
        Node.Kind != NodeKind.Comment ? VoteMode.Hidden
        : !Context.SignedIn ? VoteMode.SignIn
        : IsMine || Context.Banned ? VoteMode.Points
        : VoteMode.Buttons,
        // Signed out, a vote button signs in and comes back here (the permalink leads to the comment in its thread).
        $"/comments/{Id}");

    public CommentItem With(CommentNode child) => Context.For(child);

    /// <summary>One comment on its own (a permalink, a form's context, an answer to htmx), or null when it is not there.</summary>
    public static async Task<CommentItem?> LoadAsync(BroadsheetDb db, long id, ClaimsPrincipal user, int closeAfterDays, DateTime now, CancellationToken ct)
    {
        if (await ThreadQuery.OneAsync(db, id, user.UserId(), now, ct) is not var (row, article)) return null;
        var context = await CommentContext.ForAsync(db, article, user, closeAfterDays, now, ct);
        var kind = CommentTree.OwnKind(row, context.ViewerId) ?? (row.Status == CommentStatus.Deleted ? NodeKind.Deleted : NodeKind.Removed);
        return context.For(new CommentNode(row, kind));
    }
}

public enum VoteMode { Hidden, Points, SignIn, Buttons }

/// <summary>The votes of one comment: points, and buttons when the viewer may press them.</summary>
public sealed record CommentVotesView(long Id, int Up, int Down, int Mine, VoteMode Mode, string ReturnPath, string? Error = null)
{
    public int Points => Up - Down;
}

/// <summary>The thread under an article for one viewer.</summary>
public sealed record ThreadView(CommentContext Context, CommentSort Sort, IReadOnlyList<CommentNode> Roots, CommentFormView? Form);

/// <summary>A new comment or reply form, fresh or sent back with what was typed and what was wrong.</summary>
public sealed record CommentFormView(string Action, long? ParentId, string Text, string Started, string? Error = null, string? ReplyTo = null)
{
    public string FieldId => ParentId is long id ? $"reply-body-{id}" : "comment-body";
}
