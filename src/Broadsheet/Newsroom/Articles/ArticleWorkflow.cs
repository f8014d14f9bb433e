using Broadsheet.Articles;

namespace Broadsheet.Newsroom.Articles;

/// <summary>Who is acting, as the workflow sees it: an author (own drafts only) or an editor (editors and admins).</summary>
public enum DeskRole { Author, Editor }

public enum WorkflowAction { Save, Submit, Withdraw, Publish, Schedule, Unpublish, Revert }

/// <summary>The answer for one action: allowed with the status the article ends in, or refused with a reason to show.</summary>
public sealed record WorkflowDecision(bool Allowed, ArticleStatus Status, string Refusal = "")
{
    public static WorkflowDecision To(ArticleStatus status) => new(true, status);
    public static WorkflowDecision No(ArticleStatus status, string why) => new(false, status, why);
}

/// <summary>
/// The publishing rules as one table: role × status × action → the new status, or a refusal.
/// Authors write and submit their own drafts; once an article is scheduled or live it is the
/// editors' to change. Pure, so every row is a [Theory] case; the pages only apply it.
/// </summary>
public static class ArticleWorkflow
{
    public static WorkflowDecision Decide(DeskRole role, bool owns, ArticleStatus status, WorkflowAction action)
    {
        if (role == DeskRole.Author)
        {
            if (!owns) return WorkflowDecision.No(status, "Authors can only work on their own articles.");
            if (status != ArticleStatus.Draft) return WorkflowDecision.No(status, "This article is no longer a draft: only an editor can change it now.");
            return action switch
            {
                WorkflowAction.Save or WorkflowAction.Submit or WorkflowAction.Withdraw => WorkflowDecision.To(ArticleStatus.Draft),
                _ => WorkflowDecision.No(status, "Only an editor can publish, schedule or unpublish. Submit the draft for review instead."),
            };
        }
        return (action, status) switch
        {
            (WorkflowAction.Save, _) => WorkflowDecision.To(status),
            (WorkflowAction.Submit or WorkflowAction.Withdraw, ArticleStatus.Draft) => WorkflowDecision.To(ArticleStatus.Draft),
            (WorkflowAction.Submit or WorkflowAction.Withdraw, _) => WorkflowDecision.No(status, "Only a draft is submitted for review."),
            (WorkflowAction.Publish, ArticleStatus.Published) => WorkflowDecision.No(status, "The article is already published."),
            (WorkflowAction.Publish, _) => WorkflowDecision.To(ArticleStatus.Published),
            (WorkflowAction.Schedule, ArticleStatus.Published) => WorkflowDecision.No(status, "The article is live: unpublish it or revert it to a draft before scheduling it."),
            (WorkflowAction.Schedule, _) => WorkflowDecision.To(ArticleStatus.Scheduled),
            (WorkflowAction.Unpublish, ArticleStatus.Published) => WorkflowDecision.To(ArticleStatus.Unpublished),
            (WorkflowAction.Unpublish, _) => WorkflowDecision.No(status, "Only a published article can be unpublished."),
            (WorkflowAction.Revert, ArticleStatus.Draft) => WorkflowDecision.No(status, "The article is already a draft."),
            (WorkflowAction.Revert, _) => WorkflowDecision.To(ArticleStatus.Draft),
            _ => WorkflowDecision.No(status, "That action is not known."),
        };
    }

    /// <summary>The audit action and revision reason each workflow action records.</summary>
    public static (string Audit, string Reason) Record(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => ("article.submit", "submit"),
        WorkflowAction.Withdraw => ("article.withdraw", "withdraw"),
        WorkflowAction.Publish => ("article.publish", "publish"),
        WorkflowAction.Schedule => ("article.schedule", "schedule"),
        WorkflowAction.Unpublish => ("article.unpublish", "unpublish"),
        WorkflowAction.Revert => ("article.draft", "draft"),
        _ => ("", "save"),
    };
}
