using Broadsheet.Accounts;
using Broadsheet.Api;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Feeds;
using Broadsheet.Follows;
using Broadsheet.Newsroom;
using Broadsheet.Ranking;
using Broadsheet.Search;
using Broadsheet.Shared;
using Broadsheet.Views;
using Broadsheet.Votes;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddData(builder.Configuration, builder.Environment)
    .AddDemo()
    .AddSearch(builder.Configuration)
    .AddSite(builder.Configuration, builder.Environment)
    .AddAccounts(builder.Configuration)
    .AddVotes()
    .AddFollows()
    .AddRanking()
    .AddViews()
    .AddComments(builder.Configuration)
    .AddApi(builder.Configuration)
    .AddFeeds(builder.Configuration)
    .AddNewsroom(builder.Configuration)
    .AddOperations(builder.Environment);

var app = builder.Build();
if (Cli.IsCommand(args)) return await Cli.RunAsync(app, args);

await app.PrepareDatabaseAsync();
await FirstAdmin.AnnounceIfNeededAsync(app);
app.UseSite();
app.MapOperations();
app.MapSearchFragments();
app.MapAccountExport();
app.MapVotes();
app.MapApi();
app.MapFeeds();
app.MapNewsroom();
app.MapSite();
await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
