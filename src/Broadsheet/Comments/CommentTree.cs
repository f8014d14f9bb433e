using Broadsheet.Accounts;

namespace Broadsheet.Comments;

public enum CommentSort { Best, Newest, Oldest }

/// <summary>One comment of a thread as loaded, with the viewer's own vote (0 when none or signed out).</summary>
public sealed record ThreadRow(
    long Id, long? ParentId, int? UserId, string? AuthorName, string? AuthorHandle, CommentStatus Status,
    string BodyHtml, DateTime CreatedAt, DateTime? EditedAt, int Upvotes, int Downvotes, double Score, int MyVote = 0, int ArticleId = 0);

public enum NodeKind
{
    /// <summary>Shown to everyone.</summary>
    Comment,
    /// <summary>The viewer's own comment, waiting for a moderator.</summary>
    Held,
    /// <summary>Deleted by its author, kept as "[deleted]" because replies hang from it.</summary>
    Deleted,
    /// <summary>Not for this viewer (rejected, or someone else's held comment), kept as "[removed]" for its replies.</summary>
    Removed,
}

/// <summary>A comment placed in the thread as shown: its display depth, and the replies listed under it.</summary>
public sealed class CommentNode(ThreadRow row, NodeKind kind)
{
    public ThreadRow Row { get; } = row;
    public NodeKind Kind { get; } = kind;
    public int Depth { get; internal set; } = 1;
    public List<CommentNode> Replies { get; } = [];
    /// <summary>Set when the comment is shown under an ancestor rather than its parent (past the depth limit).</summary>
    public CommentNode? InReplyTo { get; internal set; }

    /// <summary>Who wrote it, as the thread names them.</summary>
    public string Name => Kind switch
    {
        NodeKind.Deleted => "[deleted]",
        NodeKind.Removed => "[removed]",
        _ => Row.AuthorName ?? AccountDeletion.DeletedName,
    };
}

/// <summary>
/// Builds the thread a viewer sees from the flat rows of one article: who sees what, in which
/// order, and how deep. Nesting stops at <see cref="MaxDepth"/>; deeper replies are listed under
/// their depth-6 ancestor, in conversation order, each with "in reply to" its real parent.
/// Iterative throughout, so a chain thousands of replies long cannot exhaust the stack.
/// </summary>
public static class CommentTree
{
    public const int MaxDepth = 6;

    public static bool TryParseSort(string? raw, out CommentSort sort)
    {
        switch (raw)
        {
            case null or "" or "best": sort = CommentSort.Best; return true;
            case "newest": sort = CommentSort.Newest; return true;
            case "oldest": sort = CommentSort.Oldest; return true;
            default: sort = default; return false;
        }
    }

    public static string Name(this CommentSort sort) => sort.ToString().ToLowerInvariant();

    /// <summary>What this viewer may see of a comment on its own, before its replies are considered.</summary>
    public static NodeKind? OwnKind(ThreadRow row, int? viewerId) => row.Status switch
    {
        CommentStatus.Visible => NodeKind.Comment,
        CommentStatus.Held when viewerId is not null && row.UserId == viewerId => NodeKind.Held,
        _ => null,
    };

    public static IReadOnlyList<CommentNode> Build(IEnumerable<ThreadRow> rows, CommentSort sort, int? viewerId, int maxDepth = MaxDepth)
    {
        var all = rows.ToDictionary(r => r.Id);
        var children = new Dictionary<long, List<ThreadRow>>();
        var roots = new List<ThreadRow>();
        foreach (var row in all.Values)
        {
            // A parent outside the rows cannot happen through the app (same article, restricted
            // delete); if it ever does, the reply is shown at the top rather than lost.
            if (row.ParentId is long p && all.ContainsKey(p))
            {
                if (!children.TryGetValue(p, out var list)) children[p] = list = [];
                list.Add(row);
            }
            else roots.Add(row);
        }

        var kinds = Decide(all.Values, children, viewerId);
        var order = Comparer(sort);
        List<CommentNode> Kept(IEnumerable<ThreadRow> candidates)
        {
            var kept = candidates.Where(r => kinds.ContainsKey(r.Id)).ToList();
            kept.Sort(order);
            return kept.ConvertAll(r => new CommentNode(r, kinds[r.Id]));
        }

        var top = Kept(roots);
        var stack = new Stack<CommentNode>(top);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var replies = Kept(children.GetValueOrDefault(node.Row.Id) ?? []);
            if (node.Depth < maxDepth)
            {
                foreach (var reply in replies) reply.Depth = node.Depth + 1;
                node.Replies.AddRange(replies);
                foreach (var reply in replies) stack.Push(reply);
            }
            else Flatten(node, replies, children, Kept, maxDepth);
        }
        return top;
    }

    /// <summary>Everything below a depth-limit comment, depth first, listed directly under it.</summary>
    private static void Flatten(CommentNode host, List<CommentNode> replies, Dictionary<long, List<ThreadRow>> children,
        Func<IEnumerable<ThreadRow>, List<CommentNode>> kept, int maxDepth)
    {
        var pending = new Stack<(CommentNode Node, CommentNode Parent)>();
        for (var i = replies.Count - 1; i >= 0; i--) pending.Push((replies[i], host));
        while (pending.Count > 0)
        {
            var (node, parent) = pending.Pop();
            node.Depth = maxDepth + 1;
            if (parent != host) node.InReplyTo = parent;
            host.Replies.Add(node);
            var below = kept(children.GetValueOrDefault(node.Row.Id) ?? []);
            for (var i = below.Count - 1; i >= 0; i--) pending.Push((below[i], node));
        }
    }

    /// <summary>
    /// Which comments appear, and as what: shown ones as themselves; hidden or deleted ones only
    /// when a shown reply hangs below them, as a placeholder, so no conversation loses its context.
    /// </summary>
    private static Dictionary<long, NodeKind> Decide(IEnumerable<ThreadRow> rows, Dictionary<long, List<ThreadRow>> children, int? viewerId)
    {
        var kinds = new Dictionary<long, NodeKind>();
        // Post-order without recursion: every reply is decided before its parent.
        var visit = new Stack<(ThreadRow Row, bool Expanded)>();
        foreach (var row in rows) visit.Push((row, false));
        var entered = new HashSet<long>();
        while (visit.Count > 0)
        {
            var (row, expanded) = visit.Pop();
            var replies = children.GetValueOrDefault(row.Id) ?? [];
            if (!expanded)
            {
                if (!entered.Add(row.Id)) continue; // seen already (or a cycle, which only bad data could make)
                visit.Push((row, true));
                foreach (var reply in replies) visit.Push((reply, false));
                continue;
            }
            if (OwnKind(row, viewerId) is { } own) kinds[row.Id] = own;
            else if (replies.Any(r => kinds.ContainsKey(r.Id)))
                kinds[row.Id] = row.Status == CommentStatus.Deleted ? NodeKind.Deleted : NodeKind.Removed;
        }
        return kinds;
    }

    private static Comparison<ThreadRow> Comparer(CommentSort sort) => sort switch
    {
        CommentSort.Newest => (a, b) => b.CreatedAt != a.CreatedAt ? b.CreatedAt.CompareTo(a.CreatedAt) : b.Id.CompareTo(a.Id),
        CommentSort.Oldest => (a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id),
        // Best: the Wilson lower bound, then the older comment (it has had longer to earn votes it lacks).
        _ => (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id),
    };
}
