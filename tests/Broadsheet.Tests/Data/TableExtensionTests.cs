using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Data;

/// <summary>
/// Features add their tables to BroadsheetDb as C# 14 extension members (Articles/ArticleTables.cs...)
/// and name them in their own configurations, so Data depends on no feature. The model must be the
/// one the migrations were made from, and the sets must still translate inside queries.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TableExtensionTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task The_model_the_features_configure_is_the_one_the_migrations_were_made_from()
    {
        (await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_feature_set_used_in_a_subquery_becomes_one_sql_query()
    {
        // The compiler refuses an extension property inside an expression tree (CS9296), so a
        // subquery names the set as db.Set<T>() or as a captured variable; both must translate.
        var (viaSet, viaVariable, voted, expected) = await app.WithDbAsync(async db =>
        {
            var votes = db.ArticleVotes;
            var q1 = db.Articles.Where(a => db.Set<ArticleVote>().Any(v => v.ArticleId == a.Id));
            var q2 = db.Articles.Where(a => votes.Any(v => v.ArticleId == a.Id));
            return (q1.ToQueryString(), q2.ToQueryString(), await q2.CountAsync(),
                await db.ArticleVotes.Select(v => v.ArticleId).Distinct().CountAsync());
        });
        viaSet.ShouldContain("EXISTS");
        viaVariable.ShouldContain("EXISTS");
        voted.ShouldBe(expected);
    }
}
