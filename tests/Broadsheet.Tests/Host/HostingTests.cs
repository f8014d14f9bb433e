using Broadsheet.Tests.Fixtures;
using Npgsql;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Broadsheet.Tests.Host;

/// <summary>The app as an operator runs it: its own process, --urls, JSON logs, SIGTERM.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_app_listens_on_urls_logs_json_and_stops_gracefully_on_sigterm()
    {
        var root = Directory.CreateTempSubdirectory("broadsheet-host-").FullName;
        var port = Ports.Free();
        var psi = AppProcess.Server(root, port);
        using var app = Process.Start(psi)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var errors = app.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            (await WaitForHealthAsync(http)).ShouldBe(HttpStatusCode.OK);

            Process.Start("kill", ["-TERM", app.Id.ToString()])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.WaitForExitAsync(timeout.Token);

            app.ExitCode.ShouldBe(0, await errors);
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.ShouldNotBeEmpty();
            var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            foreach (var e in events)
            {
                e.TryGetProperty("Category", out var category).ShouldBeTrue();
                e.TryGetProperty("LogLevel", out var level).ShouldBeTrue();
                category.GetString().ShouldNotBeNullOrEmpty();
                level.GetString().ShouldNotBeNullOrEmpty();
            }
            events.ShouldContain(e => e.GetProperty("Message").GetString()!.Contains("Application is shutting down"));
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            Directory.Delete(root, recursive: true);
        }
    }

    [PostgresOnlyFact("Needs a PostgreSQL server without the app's database")]
    public async Task A_first_start_on_a_postgresql_server_creates_the_database_and_migrates_it()
    {
        var name = $"bs_new_{Guid.NewGuid():N}";
        var root = Directory.CreateTempSubdirectory("broadsheet-host-").FullName;
        var port = Ports.Free();
        var psi = AppProcess.Server(root, port);
        psi.Environment["Database__Provider"] = "Postgres";
        psi.Environment["ConnectionStrings__Broadsheet"] = PostgresServer.Shared.ConnectionStringFor(name);
        using var app = Process.Start(psi)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var errors = app.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await Task.WhenAny(WaitForHealthAsync(http), app.WaitForExitAsync());
            // Its error output is complete only once it has stopped, so read it only then.
            if (app.HasExited) throw new ShouldAssertException($"The app stopped before /health answered: {await errors}");
            (await (Task<HttpStatusCode>)health).ShouldBe(HttpStatusCode.OK);

            await using var db = new NpgsqlConnection(PostgresServer.Shared.ConnectionStringFor(name));
            await db.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", db);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer.Shared.AdminConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> WaitForHealthAsync(HttpClient http)
    {
        for (var i = 0; i < 150; i++)
        {
            try { return (await http.GetAsync("/health")).StatusCode; }
            catch (HttpRequestException) { await Task.Delay(200); }
        }
        throw new TimeoutException("The app did not answer /health within 30 s");
    }
}
