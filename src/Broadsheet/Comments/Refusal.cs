namespace Broadsheet.Comments;

/// <summary>Why a comment action was not done, with the status it answers and words a reader can act on.</summary>
public sealed record Refusal(int Status, string Message)
{
    public static Refusal Gone(string message = "That comment is not there any more.") => new(StatusCodes.Status404NotFound, message);
    public static Refusal Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);
    public static Refusal Invalid(string message) => new(StatusCodes.Status422UnprocessableEntity, message);

    /// <summary>The moderator's reason is part of the message, so the reader knows why.</summary>
    public static Refusal Banned(DateTime until, string? reason = null) => Forbidden((until == DateTime.MaxValue
        ? "Your account can no longer comment or vote on comments."
        : $"Your account cannot comment or vote on comments until {Shared.RelativeTime.Exact(until)}.")
        + (string.IsNullOrWhiteSpace(reason) ? "" : $" Reason: {reason}"));

    public static readonly Refusal Closed = Forbidden("Comments are closed on this story.");
}
