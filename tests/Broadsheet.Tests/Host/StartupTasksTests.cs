using Broadsheet.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Npgsql;
using System.Data.Common;
using System.Diagnostics;

namespace Broadsheet.Tests.Host;

/// <summary>What a start reads before it serves, seen from the app started as an operator starts it.</summary>
[Trait("Category", "Integration")]
public sealed class StartupTasksTests
{
    /// <summary>
    /// The settings poller reads the rows before the server listens: whatever a faster start moves off
    /// that path (issue 15), a reader's very first page must never show the configured name instead.
    /// </summary>
    [Fact]
    public async Task Site_settings_saved_before_a_start_show_on_the_first_page_the_new_process_serves()
    {
        await using var db = new TestDatabase();
        await db.CreateMigratedAsync();
        var name = $"Harbour Gazette {Guid.NewGuid():N}";
        await using (DbConnection connection = TestDatabase.IsPostgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"SiteSettings\" (\"Key\", \"Value\", \"UpdatedAt\") VALUES ('Site:Name', @name, @at)";
            var value = insert.CreateParameter(); value.ParameterName = "name"; value.Value = name; insert.Parameters.Add(value);
            var at = insert.CreateParameter(); at.ParameterName = "at"; at.Value = DateTime.UtcNow; insert.Parameters.Add(at);
            (await insert.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();

        var root = Directory.CreateTempSubdirectory("broadsheet-start-").FullName;
        var port = Ports.Free();
        var psi = AppProcess.Server(root, port);
        psi.Environment["Accounts__AnnounceSetup"] = "false";
        psi.Environment["Media__Directory"] = Path.Combine(root, "media");
        foreach (var (k, v) in AppProcess.For(db)) psi.Environment[k] = v;
        using var app = Process.Start(psi)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var errors = app.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForHealthAsync(http, app);
            var first = await http.GetStringAsync("/");
            first.ShouldContain($"<a class=\"brand\" href=\"/\">{name}</a>");
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            _ = await output + await errors;
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process app)
    {
        for (var i = 0; i < 150 && !app.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException(app.HasExited ? "The app stopped before /health answered" : "The app did not answer /health within 30 s");
    }
}
