using System.Diagnostics;

namespace Broadsheet.Tests.Fixtures;

/// <summary>Runs the built app as its own process, the way an operator runs a CLI command.</summary>
public static class AppProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw; }
        return (p.ExitCode, await stdout + await stderr);
    }

    /// <summary>The app as an operator starts it as a server: its own process and folder, --urls, Production.</summary>
    public static ProcessStartInfo Server(string root, int port)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Demo__Seed"] = "false";
        psi.Environment["Site__BaseUrl"] = $"http://127.0.0.1:{port}";
        return psi;
    }

    /// <summary>Environment that points the app at a test database.</summary>
    public static Dictionary<string, string> For(TestDatabase db) => new()
    {
        ["Database__Provider"] = TestDatabase.Provider,
        ["ConnectionStrings__Broadsheet"] = db.ConnectionString,
    };
}
