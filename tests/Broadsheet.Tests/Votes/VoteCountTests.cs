using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Votes;

/// <summary>Counts kept by delta, with the rows as the truth, and the reconciliation that checks them.</summary>
[Trait("Category", "Integration")]
public sealed class VoteCountTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private async Task<ReaderSession> ReaderAsync()
    {
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        var reader = app.Reader();
        ((int)(await reader.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
        return reader;
    }

    private async Task<(int Up, int Down)> StoredAsync(Article article)
    {
        var a = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(x => x.Id == article.Id));
        return (a.Upvotes, a.Downvotes);
    }

    private Task CorruptAsync(Article article, int up, int down) =>
        app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Articles" SET "Upvotes" = {0}, "Downvotes" = {1} WHERE "Id" = {2}""", [up, down, article.Id]));

    [Fact]
    public async Task A_vote_moves_the_stored_counts_by_its_delta_and_never_recounts_the_rows()
    {
        var article = await app.ArticleAsync();
        using var first = await ReaderAsync();
        ((int)(await first.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);
        await CorruptAsync(article, 40, 7);

        using var second = await ReaderAsync();
        ((int)(await second.VoteOnArticleAsync(article.Slug, "down")).StatusCode).ShouldBe(302);
        ((int)(await first.VoteOnArticleAsync(article.Slug, "down")).StatusCode).ShouldBe(302);
        // A recount would say (0, 2); the deltas are +1 down, then -1 up +1 down.
        (await StoredAsync(article)).ShouldBe((39, 9));
    }

    [Fact]
    public async Task Reconciliation_repairs_counts_corrupted_in_sql_and_logs_the_difference()
    {
        var article = await app.ArticleAsync();
        using var reader = await ReaderAsync();
        ((int)(await reader.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);
        var untouched = await app.ArticleAsync();
        await CorruptAsync(article, 40, 7);

        var repaired = await app.WithDbAsync(db => app.Services.GetRequiredService<VoteReconciliation>().CheckAsync(db, [article.Id, untouched.Id], default));

        repaired.ShouldBe(1);
        (await StoredAsync(article)).ShouldBe((1, 0));
        (await StoredAsync(untouched)).ShouldBe((0, 0));
        app.Logs.Lines.ShouldContain(l => l.Category == typeof(VoteReconciliation).FullName
            && l.Message.Contains($"article {article.Id} were 40 up / 7 down; the rows say 1 / 0: repaired"));
    }

    [Fact]
    public async Task The_background_pass_checks_the_articles_voted_on_since_the_last_pass()
    {
        var article = await app.ArticleAsync();
        using var reader = await ReaderAsync();
        ((int)(await reader.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);
        await CorruptAsync(article, 0, 5);

        // No rolling articles: only those the writer marked as voted on.
        await app.WithDbAsync(db => app.Services.GetRequiredService<VoteReconciliation>().PassAsync(db, recent: 10_000, rolling: 0, default));

        (await StoredAsync(article)).ShouldBe((1, 0));
    }

    [Fact]
    public async Task The_votes_reconcile_command_repairs_every_article_and_says_how_many()
    {
        var article = await app.ArticleAsync();
        using var reader = await ReaderAsync();
        ((int)(await reader.VoteOnArticleAsync(article.Slug, "down")).StatusCode).ShouldBe(302);
        await CorruptAsync(article, 3, 3);

        var (exit, output) = await AppProcess.RunAsync(app.Folder, new Dictionary<string, string>
        {
            ["Database__Provider"] = TestDatabase.Provider,
            ["ConnectionStrings__Broadsheet"] = app.ConnectionString,
            ["Site__BaseUrl"] = "http://127.0.0.1:9",
            ["DataProtection__KeysDirectory"] = Path.Combine(app.Folder, "keys"),
        }, "votes", "reconcile");

        exit.ShouldBe(0, output);
        output.ShouldContain($"article {article.Id} were 3 up / 3 down; the rows say 0 / 1: repaired");
        output.ShouldMatch(@"Votes reconciled: [\d,]+ articles checked, [1-9][\d,]* repaired\.");
        (await StoredAsync(article)).ShouldBe((0, 1));
    }

    [Fact]
    public async Task Deleting_an_account_takes_its_votes_out_of_the_counts()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        using var reader = app.Reader();
        await reader.SignInAsync(user.Email!);
        ((int)(await reader.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);
        (await StoredAsync(article)).ShouldBe((1, 0));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Broadsheet.Data.Identity.User>>();
            await scope.ServiceProvider.GetRequiredService<Broadsheet.Accounts.AccountDeletion>().DeleteAsync((await users.FindByIdAsync(user.Id.ToString()))!, default);
        }

        (await StoredAsync(article)).ShouldBe((0, 0));
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(0);
    }
}
