using Broadsheet.Articles;
using Broadsheet.Newsroom.Articles;

namespace Broadsheet.Tests.Newsroom.Articles;

public sealed class ArticleWorkflowTests
{
    [Theory]
    [InlineData(DeskRole.Author, true, ArticleStatus.Draft, WorkflowAction.Save, ArticleStatus.Draft)]
    [InlineData(DeskRole.Author, true, ArticleStatus.Draft, WorkflowAction.Submit, ArticleStatus.Draft)]
    [InlineData(DeskRole.Author, true, ArticleStatus.Draft, WorkflowAction.Withdraw, ArticleStatus.Draft)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Draft, WorkflowAction.Save, ArticleStatus.Draft)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Draft, WorkflowAction.Publish, ArticleStatus.Published)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Draft, WorkflowAction.Schedule, ArticleStatus.Scheduled)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Scheduled, WorkflowAction.Schedule, ArticleStatus.Scheduled)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Scheduled, WorkflowAction.Publish, ArticleStatus.Published)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Scheduled, WorkflowAction.Revert, ArticleStatus.Draft)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Published, WorkflowAction.Save, ArticleStatus.Published)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Published, WorkflowAction.Unpublish, ArticleStatus.Unpublished)]
    [InlineData(DeskRole.Editor, false, ArticleStatus.Published, WorkflowAction.Revert, ArticleStatus.Draft)]
    [InlineData(DeskRole.Editor, true, ArticleStatus.Unpublished, WorkflowAction.Publish, ArticleStatus.Published)]
    [InlineData(DeskRole.Editor, true, ArticleStatus.Unpublished, WorkflowAction.Schedule, ArticleStatus.Scheduled)]
    public void Allowed_actions_lead_to_their_status(DeskRole role, bool owns, ArticleStatus from, WorkflowAction action, ArticleStatus to)
    {
        var decision = ArticleWorkflow.Decide(role, owns, from, action);
        decision.Allowed.ShouldBeTrue(decision.Refusal);
        decision.Status.ShouldBe(to);
    }

    [Theory]
    [InlineData(DeskRole.Author, false, ArticleStatus.Draft, WorkflowAction.Save, "own articles")]
    [InlineData(DeskRole.Author, false, ArticleStatus.Draft, WorkflowAction.Submit, "own articles")]
    [InlineData(DeskRole.Author, true, ArticleStatus.Draft, WorkflowAction.Publish, "Only an editor")]
    [InlineData(DeskRole.Author, true, ArticleStatus.Draft, WorkflowAction.Schedule, "Only an editor")]
    [InlineData(DeskRole.Author, true, ArticleStatus.Draft, WorkflowAction.Unpublish, "Only an editor")]
    [InlineData(DeskRole.Author, true, ArticleStatus.Draft, WorkflowAction.Revert, "Only an editor")]
    [InlineData(DeskRole.Author, false, ArticleStatus.Published, WorkflowAction.Save, "own articles")]
    [InlineData(DeskRole.Author, true, ArticleStatus.Published, WorkflowAction.Save, "no longer a draft")]
    [InlineData(DeskRole.Author, true, ArticleStatus.Scheduled, WorkflowAction.Save, "no longer a draft")]
    [InlineData(DeskRole.Author, true, ArticleStatus.Unpublished, WorkflowAction.Save, "no longer a draft")]
    [InlineData(DeskRole.Editor, true, ArticleStatus.Published, WorkflowAction.Publish, "already published")]
    [InlineData(DeskRole.Editor, true, ArticleStatus.Published, WorkflowAction.Schedule, "unpublish it")]
    [InlineData(DeskRole.Editor, true, ArticleStatus.Draft, WorkflowAction.Unpublish, "Only a published")]
    [InlineData(DeskRole.Editor, true, ArticleStatus.Scheduled, WorkflowAction.Unpublish, "Only a published")]
    [InlineData(DeskRole.Editor, true, ArticleStatus.Draft, WorkflowAction.Revert, "already a draft")]
    [InlineData(DeskRole.Editor, true, ArticleStatus.Published, WorkflowAction.Submit, "Only a draft")]
    public void Refused_actions_keep_the_status_and_say_why(DeskRole role, bool owns, ArticleStatus from, WorkflowAction action, string why)
    {
        var decision = ArticleWorkflow.Decide(role, owns, from, action);
        decision.Allowed.ShouldBeFalse();
        decision.Status.ShouldBe(from);
        decision.Refusal.ShouldContain(why);
    }

    [Theory]
    [InlineData(WorkflowAction.Publish, "article.publish", "publish")]
    [InlineData(WorkflowAction.Schedule, "article.schedule", "schedule")]
    [InlineData(WorkflowAction.Unpublish, "article.unpublish", "unpublish")]
    [InlineData(WorkflowAction.Submit, "article.submit", "submit")]
    [InlineData(WorkflowAction.Save, "", "save")]
    public void Each_action_records_its_audit_action_and_revision_reason(WorkflowAction action, string audit, string reason) =>
        ArticleWorkflow.Record(action).ShouldBe((audit, reason));
}
