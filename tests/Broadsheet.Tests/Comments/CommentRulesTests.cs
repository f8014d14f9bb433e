using Broadsheet.Comments;

namespace Broadsheet.Tests.Comments;

public sealed class CommentRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("", "Write something first.")]
    [InlineData("   \n\t ", "Write something first.")]
    [InlineData("fine", null)]
    public void Text_must_say_something(string text, string? refusal) =>
        CommentRules.CheckText(CommentRules.Normalize(text)).ShouldBe(refusal);

    [Theory]
    [InlineData(5000, true)]
    [InlineData(5001, false)]
    public void Text_is_at_most_five_thousand_characters(int length, bool fine) =>
        (CommentRules.CheckText(new string('a', length)) is null).ShouldBe(fine);

    [Fact]
    public void Windows_line_endings_count_once_so_the_browser_limit_and_ours_agree() =>
        CommentRules.Normalize("a\r\nb\rc  \r\n").ShouldBe("a\nb\nc");

    [Theory]
    [InlineData(2, 1.0, 7, true)]    // new account, two links: fine
    [InlineData(3, 1.0, 7, false)]   // new account, three links: refused
    [InlineData(3, 6.9, 7, false)]
    [InlineData(3, 7.0, 7, true)]    // a week old: no longer new
    [InlineData(9, 30.0, 7, true)]
    [InlineData(9, 0.0, 0, true)]    // NewAccountDays = 0 turns the rule off
    public void New_accounts_may_post_at_most_two_links(int links, double ageDays, int newAccountDays, bool fine) =>
        (CommentRules.CheckLinks(links, Now.AddDays(-ageDays), Now, newAccountDays) is null).ShouldBe(fine);

    [Theory]
    [InlineData(false, 1.0, 0, false)]
    [InlineData(true, 1.0, 0, true)]     // closed by the newsroom
    [InlineData(false, 29.9, 30, false)]
    [InlineData(false, 30.0, 30, true)]  // closed by age
    [InlineData(false, 999.0, 0, false)] // 0: never by age
    public void Comments_close_by_hand_or_by_age(bool closedByNewsroom, double ageDays, int closeAfterDays, bool closed) =>
        CommentRules.IsClosed(closedByNewsroom, Now.AddDays(-ageDays), Now, closeAfterDays).ShouldBe(closed);

    [Theory]
    [InlineData(CommentStatus.Visible, 1, 1, 0.0, true)]
    [InlineData(CommentStatus.Visible, 1, 1, 14.9, true)]
    [InlineData(CommentStatus.Visible, 1, 1, 15.0, false)]  // the window has passed
    [InlineData(CommentStatus.Held, 1, 1, 5.0, true)]       // still waiting for a moderator: still yours to fix
    [InlineData(CommentStatus.Visible, 1, 2, 1.0, false)]   // someone else's
    [InlineData(CommentStatus.Deleted, 1, 1, 1.0, false)]
    [InlineData(CommentStatus.Rejected, 1, 1, 1.0, false)]
    public void Only_the_author_edits_and_only_for_fifteen_minutes(CommentStatus status, int author, int viewer, double minutes, bool allowed) =>
        CommentRules.CanEdit(status, author, viewer, Now.AddMinutes(-minutes), Now).ShouldBe(allowed);

    [Theory]
    [InlineData(ModerationPolicy.None, false, false, CommentStatus.Visible)]
    [InlineData(ModerationPolicy.FirstComment, false, false, CommentStatus.Held)]
    [InlineData(ModerationPolicy.FirstComment, false, true, CommentStatus.Visible)]
    [InlineData(ModerationPolicy.All, false, true, CommentStatus.Held)]
    [InlineData(ModerationPolicy.All, true, false, CommentStatus.Visible)]      // editors and admins are never held
    [InlineData(ModerationPolicy.FirstComment, true, false, CommentStatus.Visible)]
    public void The_moderation_policy_decides_where_a_comment_starts(ModerationPolicy policy, bool moderator, bool approvedBefore, CommentStatus status) =>
        CommentRules.InitialStatus(policy, moderator, approvedBefore).ShouldBe(status);

    [Theory]
    [InlineData(CommentStatus.Visible, true)]
    [InlineData(CommentStatus.Held, false)]
    [InlineData(CommentStatus.Rejected, false)]
    [InlineData(CommentStatus.Deleted, false)]
    public void Only_what_everyone_sees_is_counted(CommentStatus status, bool counted) =>
        CommentRules.IsCounted(status).ShouldBe(counted);

    [Theory]
    [InlineData("", false)]
    [InlineData("spam", true)]
    [InlineData(null, false)]
    public void A_report_needs_a_reason(string? reason, bool fine) =>
        (CommentRules.CheckReason(CommentRules.Normalize(reason)) is null).ShouldBe(fine);

    [Fact]
    public void A_report_reason_is_at_most_five_hundred_characters()
    {
        CommentRules.CheckReason(new string('r', 500)).ShouldBeNull();
        CommentRules.CheckReason(new string('r', 501)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(0.0, 3, StampCheck.TooFast)]
    [InlineData(2.9, 3, StampCheck.TooFast)]
    [InlineData(3.0, 3, StampCheck.Fine)]
    [InlineData(600.0, 3, StampCheck.Fine)]
    public void A_form_sent_back_faster_than_a_person_types_is_refused(double seconds, int minimum, StampCheck check) =>
        FormStamp.Pace(Now, Now.AddSeconds(seconds), minimum).ShouldBe(check);
}
