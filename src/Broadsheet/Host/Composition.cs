using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Api;
using Broadsheet.Comments;
using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Demo;
using Broadsheet.Feeds;
using Broadsheet.Follows;
using Broadsheet.Live;
using Broadsheet.Newsletters;
using Broadsheet.Newsroom;
using Broadsheet.Pages;
using Broadsheet.Ranking;
using Broadsheet.RateLimits;
using Broadsheet.Search;
using Broadsheet.Views;
using Broadsheet.Votes;

namespace Broadsheet.Host;

/// <summary>
/// Every feature's services, in one place: the only code that may know all the features.
/// A feature that reacts to another registers its handler for the other's interface here
/// (see docs/architecture.md).
/// </summary>
public static class Composition
{
    public static WebApplicationBuilder AddBroadsheet(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddData(builder.Configuration, builder.Environment)
            .AddPolicies()
            .AddDemo()
            .AddSearch(builder.Configuration)
            .AddSite(builder.Configuration, builder.Environment)
            .AddRateLimits()
            .AddAudit()
            .AddAccounts(builder.Configuration)
            .AddLive(builder.Configuration)
            .AddVotes()
            .AddFollows()
            .AddRanking()
            .AddViews()
            .AddComments(builder.Configuration)
            .AddApi(builder.Configuration)
            .AddFeeds(builder.Configuration)
            .AddNewsroom(builder.Configuration)
            .AddNewsletters(builder.Configuration)
            .AddPages()
            .AddOperations(builder.Environment);
        return builder;
    }
}
