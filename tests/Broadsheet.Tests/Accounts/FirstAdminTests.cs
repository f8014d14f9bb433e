using Broadsheet.Accounts;
using Broadsheet.Tests.Fixtures;
using Npgsql;
using Microsoft.Data.Sqlite;
using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Net;

namespace Broadsheet.Tests.Accounts;

/// <summary>No default admin: the first start prints a one-time setup link; `users create` does the same for scripts.</summary>
[Trait("Category", "Integration")]
[LongRunning(85)]
public sealed class FirstAdminTests
{
    [Fact]
    public async Task A_first_start_prints_a_one_time_setup_link_that_creates_the_admin()
    {
        await using var db = new TestDatabase();
        await db.CreateAsync();
        (await CountAsync(db, """SELECT COUNT(*) FROM "Users" """, migrate: true)).ShouldBe(0);

        string setupUrl;
        await using (var first = await RunningApp.StartAsync(db))
        {
            setupUrl = await first.WaitForLogAsync("/setup?token=");
            setupUrl = setupUrl[setupUrl.IndexOf("http", StringComparison.Ordinal)..];
            new Uri(setupUrl).Port.ShouldBe(first.Port);

            using var owner = new ReaderSession(first.Address);
            var path = new Uri(setupUrl).PathAndQuery;
            var (weak, _) = await owner.SubmitAsync(path, "/setup", Fields("weak"));
            ((int)weak.StatusCode).ShouldBe(422); // a bad password leaves the link usable
            var (created, _) = await owner.SubmitAsync(path, "/setup", Fields(TestReaders.Password));
            ((int)created.StatusCode).ShouldBe(302);
            created.Headers.Location!.OriginalString.ShouldBe("/account");
            owner.Cookies.ShouldContainKey(AccountServices.AuthCookie);

            (await CountAsync(db, """SELECT COUNT(*) FROM "Users" u JOIN "UserRoles" ur ON ur."UserId" = u."Id" JOIN "Roles" r ON r."Id" = ur."RoleId" WHERE r."Name" = 'admin' AND u."Email" = 'owner@example.test' AND u."EmailConfirmed" """)).ShouldBe(1);
            // Made an admin by their own setup link: the audit names them as the actor.
            (await CountAsync(db, """SELECT COUNT(*) FROM "AuditLog" a JOIN "Users" u ON a."ActorUserId" = u."Id" AND a."TargetId" = CAST(u."Id" AS TEXT) WHERE a."Action" = 'user.create' AND a."TargetKind" = 'user' AND a."ActorName" = 'Owner' AND u."Email" = 'owner@example.test' """)).ShouldBe(1);

            using var latecomer = new ReaderSession(first.Address);
            var (again, page) = await latecomer.GetPageAsync(path);
            ((int)again.StatusCode).ShouldBe(404);
            page.QuerySelector(".form-errors")!.TextContent.ShouldContain("not valid");
            var (reused, _) = await latecomer.PostAsync("/setup", new Dictionary<string, string>
            {
                ["token"] = new Uri(setupUrl).Query.Split("token=")[1],
                ["__RequestVerificationToken"] = (await latecomer.GetPageAsync("/account/sign-in")).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["Input.Email"] = "intruder@example.test", ["Input.DisplayName"] = "Intruder", ["Input.Password"] = TestReaders.Password,
            });
            ((int)reused.StatusCode).ShouldBe(422);
        }
        (await CountAsync(db, """SELECT COUNT(*) FROM "Users" """)).ShouldBe(1);

        // With an admin in place, a restart prints no link.
        await using var second = await RunningApp.StartAsync(db);
        second.Output.ShouldNotContain("/setup?token=");
    }

    private static Dictionary<string, string> Fields(string password) => new()
    {
        ["Input.Email"] = "owner@example.test",
        ["Input.DisplayName"] = "Owner",
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Users_create_makes_a_confirmed_account_in_the_role_and_refuses_bad_input()
    {
        await using var db = new TestDatabase();
        await db.CreateAsync();
        var env = AppProcess.For(db);

        var (code, output) = await AppProcess.RunAsync(Path.GetTempPath(), env, "users", "create", "--email", "editor@example.test", "--password", TestReaders.Password, "--role", "editor", "--name", "Desk Editor");
        code.ShouldBe(0, output);
        output.ShouldContain("Created editor editor@example.test");
        (await CountAsync(db, """SELECT COUNT(*) FROM "AuditLog" a JOIN "Users" u ON a."TargetId" = CAST(u."Id" AS TEXT) WHERE a."Action" = 'user.create' AND a."TargetKind" = 'user' AND a."ActorUserId" IS NULL AND a."ActorName" = 'operator' AND u."Email" = 'editor@example.test' """)).ShouldBe(1);
        (await CountAsync(db, """SELECT COUNT(*) FROM "Users" u JOIN "UserRoles" ur ON ur."UserId" = u."Id" JOIN "Roles" r ON r."Id" = ur."RoleId" WHERE u."Email" = 'editor@example.test' AND u."EmailConfirmed" AND u."DisplayName" = 'Desk Editor' AND r."Name" IN ('editor', 'reader') """)).ShouldBe(2);

        (await AppProcess.RunAsync(Path.GetTempPath(), env, "users", "create", "--email", "editor@example.test", "--password", TestReaders.Password, "--role", "author")).ExitCode.ShouldBe(1);
        var (badRole, badRoleOutput) = await AppProcess.RunAsync(Path.GetTempPath(), env, "users", "create", "--email", "x@example.test", "--password", TestReaders.Password, "--role", "root");
        badRole.ShouldBe(1);
        badRoleOutput.ShouldContain("Role must be one of");
        var (common, commonOutput) = await AppProcess.RunAsync(Path.GetTempPath(), env, "users", "create", "--email", "y@example.test", "--password", "password123", "--role", "admin");
        common.ShouldBe(1);
        commonOutput.ShouldContain("most common");
        (await AppProcess.RunAsync(Path.GetTempPath(), env, "users", "create", "--email", "not-an-email", "--password", TestReaders.Password)).ExitCode.ShouldBe(1);
        (await AppProcess.RunAsync(Path.GetTempPath(), env, "users")).ExitCode.ShouldBe(2);
        (await CountAsync(db, """SELECT COUNT(*) FROM "Users" """)).ShouldBe(1);
        (await CountAsync(db, """SELECT COUNT(*) FROM "AuditLog" """)).ShouldBe(1); // refusals create nothing and audit nothing
    }

    private static async Task<long> CountAsync(TestDatabase db, string sql, bool migrate = false)
    {
        if (migrate) (await AppProcess.RunAsync(Path.GetTempPath(), AppProcess.For(db), "migrate")).ExitCode.ShouldBe(0);
        await using DbConnection connection = TestDatabase.IsPostgres ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The built app as a server process on a free port, with its console captured.</summary>
    private sealed class RunningApp : IAsyncDisposable
    {
        private readonly Process process;
        private readonly System.Text.StringBuilder output = new();
        private readonly string root = Directory.CreateTempSubdirectory("broadsheet-setup-").FullName;

        private RunningApp(TestDatabase db)
        {
            Port = Ports.Free();
            var psi = AppProcess.Server(root, Port);
            foreach (var (k, v) in AppProcess.For(db)) psi.Environment[k] = v;
            process = Process.Start(psi)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Port { get; }
        public Uri Address => new($"http://127.0.0.1:{Port}");
        public string Output { get { lock (output) return output.ToString(); } }

        public static async Task<RunningApp> StartAsync(TestDatabase db)
        {
            var app = new RunningApp(db);
            using var http = new HttpClient { BaseAddress = app.Address };
            for (var i = 0; i < 150; i++)
            {
                try { if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return app; }
                catch (HttpRequestException) { }
                await Task.Delay(200);
            }
            throw new Xunit.Sdk.XunitException("The app did not start: " + app.Output);
        }

        /// <summary>The message of the first JSON log line containing the text.</summary>
        public async Task<string> WaitForLogAsync(string text)
        {
            for (var i = 0; i < 100; i++)
            {
                var line = Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (line is not null) return JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString()!;
                await Task.Delay(100);
            }
            throw new Xunit.Sdk.XunitException($"No log line with '{text}': {Output}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try { await process.WaitForExitAsync(timeout.Token); } catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
            }
            process.Dispose();
            Directory.Delete(root, recursive: true);
        }
    }
}
