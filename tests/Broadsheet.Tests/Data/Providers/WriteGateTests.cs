using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Data.Providers;

/// <summary>
/// SQLite's write gate belongs to its provider (Data/Providers/Sqlite/SqliteWriteGate): every
/// write passes it without feature code asking, and no code outside the providers names it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WriteGateTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    /// <summary>
    /// A writer that finds another transaction open queues in the process, where its cancellation
    /// is honoured, instead of in the driver's busy-wait (which ignores it and ends in SQLITE_BUSY).
    /// PostgreSQL has no gate: its row locks make the second writer wait.
    /// </summary>
    [SqliteOnlyFact]
    public async Task A_write_outside_any_transaction_waits_for_an_open_one_on_the_gate_and_then_lands()
    {
        var article = await app.ArticleAsync();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var holder = first.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
        var writer = second.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();

        await using (var tx = await holder.Database.BeginTransactionAsync())
        {
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var waited = await Record.ExceptionAsync(() =>
                writer.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, 41), giveUp.Token));
            waited.ShouldBeAssignableTo<OperationCanceledException>();
            await tx.CommitAsync();
        }

        await writer.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, 42));
        (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.ViewCount).SingleAsync())).ShouldBe(42);
    }

    [Fact]
    public void No_code_outside_the_providers_names_the_write_gate_or_asks_which_engine_it_is_on()
    {
        var root = SourceRoot();
        var app = Path.Combine(root, "src", "Broadsheet");
        // The compiled models are generated per provider, like the migrations (Data/README.md).
        var allowed = new[] { Path.Combine("Data", "Providers"), Path.Combine("Data", "Migrations"), Path.Combine("Host", "CompiledModels"), "Search" };
        var pattern = new System.Text.RegularExpressions.Regex(@"WriteGate|ProviderFrom|IsSqlite|IsNpgsql|\.Sqlite\b|Postgres");
        Directory.GetFiles(app, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(app, f))
            .Where(f => !f.StartsWith("obj", StringComparison.Ordinal) && !f.StartsWith("bin", StringComparison.Ordinal) && !allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadAllLines(Path.Combine(app, f)).Select((l, i) => (f, i, l)))
            .Where(x => !x.l.TrimStart().StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(x.l))
            .Select(x => $"{x.f}:{x.i + 1}: {x.l.Trim()}")
            .ShouldBeEmpty();
    }

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Broadsheet.slnx was not found above the test assembly.");
    }
}
