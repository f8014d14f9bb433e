using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Data.Providers.Postgres;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Votes;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Tests.Data;

/// <summary>
/// An app on a SQLite file whatever BROADSHEET_TEST_PROVIDER says: `backup` is SQLite's command.
/// Views flush every 50 ms so the app keeps writing while a backup runs.
/// </summary>
public class SqliteFileApp : BroadsheetApp
{
    private readonly string? file;

    public SqliteFileApp() { }

    private SqliteFileApp(string file) => this.file = file;

    /// <summary>An app started on a restored copy: its database file and the keys saved beside it.</summary>
    public static SqliteFileApp RestoredFrom(string file) => new(file);

    public string DatabaseFile => file ?? Path.Combine(Folder, "data", "broadsheet.db");

    public string KeysFolder => file is null ? Path.Combine(Folder, "keys") : file + ".keys";

    public Dictionary<string, string> Environment => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Broadsheet"] = $"Data Source={DatabaseFile}",
        ["DataProtection__KeysDirectory"] = KeysFolder,
    };

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Database:Provider", "Sqlite"), new("ConnectionStrings:Broadsheet", $"Data Source={DatabaseFile}"),
         new("DataProtection:KeysDirectory", KeysFolder), new("Views:FlushMilliseconds", "50")];
}

public sealed class BackupTests(SqliteFileApp app) : IClassFixture<SqliteFileApp>
{
    private string Target() => Path.Combine(app.Folder, $"backup-{Guid.NewGuid():N}.db");

    private Task<(int ExitCode, string Output)> BackupAsync(params string[] args) =>
        AppProcess.RunAsync(app.Folder, app.Environment, ["backup", .. args]);

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_restores_into_a_working_site_with_readers_still_signed_in()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        var before = await CountAsync(app.DatabaseFile, """SELECT COUNT(*) FROM "Articles" """);

        // Readers keep reading (views flush every 50 ms) and the newsroom keeps publishing.
        using var stop = new CancellationTokenSource();
        var writing = KeepWritingAsync(article, stop.Token);
        var target = Target();
        var (code, output) = await BackupAsync(target);
        await stop.CancelAsync();
        var written = await writing;

        code.ShouldBe(0, output);
        output.ShouldContain($"to {target}: ");
        output.ShouldContain("integrity ok");
        written.ShouldBeGreaterThan(0);
        (await ScalarAsync(target, "PRAGMA integrity_check")).ShouldBe("ok");
        var copied = await CountAsync(target, """SELECT COUNT(*) FROM "Articles" """);
        copied.ShouldBeInRange(before, before + written);
        // One commit point: every counted view has its viewer row, every article its section.
        (await CountAsync(target, """SELECT COUNT(*) FROM "Articles" a WHERE a."ViewCount" <> (SELECT COUNT(*) FROM "ArticleViewers" v WHERE v."ArticleId" = a."Id")""")).ShouldBe(0);
        (await CountAsync(target, """SELECT COUNT(*) FROM "Articles" a WHERE NOT EXISTS (SELECT 1 FROM "Categories" c WHERE c."Id" = a."CategoryId")""")).ShouldBe(0);
        Directory.GetFiles(target + ".keys").Select(Path.GetFileName).ShouldBe(Directory.GetFiles(app.KeysFolder).Select(Path.GetFileName), ignoreOrder: true);

        // Restore: a fresh app on the copy and its keys.
        var views = await CountAsync(target, $"""SELECT "ViewCount" FROM "Articles" WHERE "Id" = {article.Id}""");
        await using var restored = SqliteFileApp.RestoredFrom(target);
        await restored.InitializeAsync();
        var (response, page) = await restored.GetPageAsync($"/articles/{article.Slug}");
        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector("h1")!.TextContent.ShouldContain(article.Title);
        var (_, counters) = await restored.GetPageAsync(VoteWidget.PathFor(article.Slug));
        counters.QuerySelector(".views")!.TextContent.ShouldBe(Broadsheet.Views.ViewCount.Label(views));
        using var sameBrowser = reader.SameBrowserOn(restored.Address);
        var (account, accountPage) = await sameBrowser.GetPageAsync("/account");
        ((int)account.StatusCode).ShouldBe(200);
        accountPage.Body!.TextContent.ShouldContain(user.Email!);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten_without_force()
    {
        var target = Target();
        await File.WriteAllTextAsync(target, "last night's backup");

        var (refused, refusal) = await BackupAsync(target);

        refused.ShouldBe(1);
        refusal.ShouldContain("already exists; pass --force to replace it");
        (await File.ReadAllTextAsync(target)).ShouldBe("last night's backup");
        Directory.Exists(target + ".keys").ShouldBeFalse();
        Directory.GetFiles(app.Folder, "*.partial-*").ShouldBeEmpty();

        var (forced, output) = await BackupAsync(target, "--force");

        forced.ShouldBe(0, output);
        (await ScalarAsync(target, "PRAGMA integrity_check")).ShouldBe("ok");
        (await CountAsync(target, """SELECT COUNT(*) FROM "__EFMigrationsHistory" """)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_live_database_itself_or_a_missing_folder_is_refused_even_with_force()
    {
        var size = new FileInfo(app.DatabaseFile).Length;

        var (live, refusal) = await BackupAsync(app.DatabaseFile, "--force");
        var (nowhere, missing) = await BackupAsync(Path.Combine(app.Folder, "no-such-folder", "b.db"));

        live.ShouldBe(1);
        refusal.ShouldContain("is the live database; back it up to another file");
        new FileInfo(app.DatabaseFile).Length.ShouldBe(size);
        (await ScalarAsync(app.DatabaseFile, "PRAGMA integrity_check")).ShouldBe("ok");
        nowhere.ShouldBe(1);
        missing.ShouldContain("make it first");
    }

    [Theory]
    [InlineData()]
    [InlineData("--force")]
    [InlineData("a.db", "b.db")]
    public async Task Without_exactly_one_file_it_prints_its_usage(params string[] args)
    {
        var (code, output) = await BackupAsync(args);

        code.ShouldBe(2);
        output.ShouldContain("usage: backup FILE [--force]");
    }

    [Fact]
    public async Task On_PostgreSQL_it_gives_the_pg_dump_command_for_the_configured_connection_and_never_the_password()
    {
        // Nothing listens on this port: the command must explain without connecting.
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Broadsheet"] = "Host=127.0.0.1;Port=1;Username=newsdesk;Password=hunter2-secret;Database=broadsheet_live",
        };

        var (code, output) = await AppProcess.RunAsync(app.Folder, environment, "backup", "nightly.dump");

        code.ShouldBe(2);
        output.ShouldContain("The database is PostgreSQL: back it up with pg_dump");
        output.ShouldContain($"pg_dump --format=custom --host=127.0.0.1 --port=1 --username=newsdesk --dbname=broadsheet_live --file={Path.Combine(app.Folder, "nightly.dump")}");
        output.ShouldNotContain("hunter2-secret");
        File.Exists(Path.Combine(app.Folder, "nightly.dump")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Host=localhost;Database=news", "/srv/b.dump", "pg_dump --format=custom --host=localhost --dbname=news --file=/srv/b.dump")]
    [InlineData("Host=db;Port=6432;Username=o'brien;Password=x;Database=my news", "/srv/a b.dump",
        "pg_dump --format=custom --host=db --port=6432 --username='o'\\''brien' --dbname='my news' --file='/srv/a b.dump'")]
    [InlineData("Host=db;Database=$(reboot)", "/b", "pg_dump --format=custom --host=db --dbname='$(reboot)' --file=/b")]
    public void The_pg_dump_command_is_safe_to_paste_into_a_shell(string connection, string file, string expected) =>
        PgDumpCommand.For(connection, file).ShouldBe(expected);

    private async Task<int> KeepWritingAsync(Article article, CancellationToken stop)
    {
        var written = 0;
        using var client = app.Client();
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            await app.ArticleAsync();
            written++;
            // A new address is a new reader, so each read is a view the flusher writes.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{article.Slug}");
            request.Headers.Add("X-Forwarded-For", $"198.51.{i / 250 % 250}.{i % 250 + 1}");
            (await client.SendAsync(request, CancellationToken.None)).EnsureSuccessStatusCode();
        }
        return written;
    }

    private static async Task<long> CountAsync(string file, string sql) => Convert.ToInt64(await ScalarAsync(file, sql));

    private static async Task<object?> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
