namespace Broadsheet.Comments;

/// <summary>
/// The rules a comment lives by, as pure functions of the facts, so each can be stated in a
/// theory test: what text is acceptable, when a thread is closed, who may edit, which
/// comments wait for a moderator, and what deleting leaves behind.
/// </summary>
public static class CommentRules
{
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);
    public const int NewAccountMaxLinks = 2;

    /// <summary>Line endings as one kind and no trailing blank space, so "same text" means the same to every check.</summary>
    public static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>Null when the text can be posted, else what to tell the reader.</summary>
    public static string? CheckText(string normalized) => normalized.Length switch
    {
        0 => "Write something first.",
        > Comment.MaxLength => $"A comment can be at most {Comment.MaxLength:#,0} characters; this one has {normalized.Length:#,0}.",
        // Before Markdig parses it: past its depth limit it throws.
        _ => Shared.MarkdownNesting.Problem(normalized),
    };

    /// <summary>Null when the links are fine for this account, else why not.</summary>
    public static string? CheckLinks(int links, DateTime joinedAt, DateTime now, int newAccountDays) =>
        links > NewAccountMaxLinks && IsNewAccount(joinedAt, now, newAccountDays)
            ? $"New accounts can post at most {NewAccountMaxLinks} links in a comment for their first {newAccountDays} days."
            : null;

    public static bool IsNewAccount(DateTime joinedAt, DateTime now, int newAccountDays) =>
        newAccountDays > 0 && now - joinedAt < TimeSpan.FromDays(newAccountDays);

    /// <summary>Closed by the newsroom, or by age when Comments:CloseAfterDays is set (0 = never).</summary>
    public static bool IsClosed(bool closedByNewsroom, DateTime? publishedAt, DateTime now, int closeAfterDays) =>
        closedByNewsroom || closeAfterDays > 0 && publishedAt is { } published && now - published >= TimeSpan.FromDays(closeAfterDays);

    /// <summary>Only its author, only while it is shown or held, only in the first 15 minutes.</summary>
    public static bool CanEdit(CommentStatus status, int? authorId, int viewerId, DateTime createdAt, DateTime now) =>
        authorId == viewerId && status is CommentStatus.Visible or CommentStatus.Held && now - createdAt < EditWindow;

    /// <summary>
    /// Where a new comment starts out under the moderation policy. Staff (authors, editors, admins)
    /// are never held: the newsroom already vouches for them, and a held reply from the story's own
    /// author would leave readers' questions unanswered until someone approved it.
    /// </summary>
    public static CommentStatus InitialStatus(ModerationPolicy policy, bool isStaff, bool hasApprovedComment) =>
        isStaff ? CommentStatus.Visible : policy switch
        {
            ModerationPolicy.None => CommentStatus.Visible,
            ModerationPolicy.FirstComment when hasApprovedComment => CommentStatus.Visible,
            _ => CommentStatus.Held,
        };

    /// <summary>Null when the reason can be filed, else what to tell the reader.</summary>
    public static string? CheckReason(string normalized) => normalized.Length switch
    {
        0 => "Tell us what is wrong with this comment.",
        > CommentReportConfiguration.ReasonMax => $"A reason can be at most {CommentReportConfiguration.ReasonMax} characters; this one has {normalized.Length:#,0}.",
        _ => null,
    };

    /// <summary>Counted on the article, its cards and its ranking: only what everyone can see.</summary>
    public static bool IsCounted(CommentStatus status) => status == CommentStatus.Visible;
}
