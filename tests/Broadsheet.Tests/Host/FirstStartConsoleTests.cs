using Broadsheet.Tests.Fixtures;
using System.Diagnostics;
using System.Text;

namespace Broadsheet.Tests.Host;

/// <summary>
/// A newcomer's first start, as the README has it: SQLite, the demo newsroom, an empty folder.
/// The console must not greet them with warnings they cannot act on.
/// </summary>
[LongRunning(45)]
public sealed class FirstStartConsoleTests
{
    /// <summary>Warnings a first start may print, each because the newcomer is meant to act on it.</summary>
    private static readonly string[] Allowed =
    [
        // The one-time link to create the first admin: the next step, printed on purpose.
        "No admin account yet",
    ];

    private static string ProjectFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("The repository root is not above the tests."), "src", "Broadsheet");
        }
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_first_start_on_SQLite_with_the_demo_prints_no_warnings_a_newcomer_cannot_act_on(string environment)
    {
        var folder = Directory.CreateTempSubdirectory("broadsheet-first-start-").FullName;
        var port = Ports.Free();
        var psi = new ProcessStartInfo("dotnet")
        {
            // The project folder is the content root, as for `dotnet run --project src/Broadsheet`
            // (its appsettings.json and wwwroot); the database goes to a folder of the test's own.
            WorkingDirectory = ProjectFolder,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["DOTNET_ENVIRONMENT"] = environment;
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["Site__BaseUrl"] = $"http://127.0.0.1:{port}";
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["ConnectionStrings__Broadsheet"] = $"Data Source={Path.Combine(folder, "broadsheet.db")}";
        psi.Environment["Email__Directory"] = Path.Combine(folder, "mail");
        psi.Environment["Media__Directory"] = Path.Combine(folder, "media");
        var console = new StringBuilder();
        using var app = Process.Start(psi)!;
        app.OutputDataReceived += (_, e) => { lock (console) console.AppendLine(e.Data); };
        app.ErrorDataReceived += (_, e) => { lock (console) console.AppendLine(e.Data); };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddMinutes(3);
            HttpResponseMessage? home = null;
            // The demo is written after the server listens: until then pages answer 503 "being prepared".
            while ((home is null || home.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable) && DateTime.UtcNow < deadline && !app.HasExited)
            {
                try { home = await http.GetAsync("/"); }
                catch (HttpRequestException) { }
                if (home is null || home.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable) await Task.Delay(250);
            }
            home.ShouldNotBeNull($"The app did not answer. Its console:\n{console}");
            ((int)home.StatusCode).ShouldBe(200);
            // A story and a section too, so the warnings of a first visit are in the console as well.
            foreach (var path in new[] { "/latest", "/trending", "/search?q=council" })
                ((int)(await http.GetAsync(path)).StatusCode).ShouldBe(200, path);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }

        string[] lines;
        lock (console) lines = console.ToString().Split('\n');
        // Development writes "warn:" lines; Production writes JSON with "LogLevel":"Warning".
        var warnings = lines
            .Where(l => l.Contains("warn:", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal)
                || l.Contains("fail:", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal))
            .Where(l => !Allowed.Any(a => l.Contains(a, StringComparison.Ordinal)))
            .ToList();
        warnings.ShouldBeEmpty($"The first start in {environment} printed:\n{string.Join("\n", warnings)}");
    }
}
