namespace Broadsheet.Comments;

public enum ModerationPolicy
{
    /// <summary>Every comment is shown at once.</summary>
    None,
    /// <summary>A reader's comments wait for a moderator until one of theirs has been approved.</summary>
    FirstComment,
    /// <summary>Every reader comment waits for a moderator.</summary>
    All,
}

/// <summary>The "Comments" configuration section.</summary>
public sealed class CommentOptions
{
    public ModerationPolicy Moderation { get; set; } = ModerationPolicy.FirstComment;

    /// <summary>Accounts younger than this are "new": they may post at most <see cref="CommentRules.NewAccountMaxLinks"/> links.</summary>
    public int NewAccountDays { get; set; } = 7;

    /// <summary>Comments close by themselves this many days after publication; 0 keeps them open.</summary>
    public int CloseAfterDays { get; set; }

    /// <summary>A form sent back sooner than this after it was served is a bot's; 0 turns the check off.</summary>
    public int MinSecondsToSubmit { get; set; } = 3;
}
