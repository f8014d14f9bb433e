using System.Diagnostics;
using System.Text;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// One app instance as an operator runs it behind a load balancer: the built app as its own
/// process on a loopback port, configured by environment variables, stopped by SIGTERM.
/// What it writes to stdout and stderr is kept, to show when a test fails.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly string name;
    private readonly string folder;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private Process? process;

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>How nginx names this instance in $upstream_addr.</summary>
    public string Upstream => $"127.0.0.1:{Port}";

    public AppInstance(string name, string folder, IReadOnlyDictionary<string, string> environment)
    {
        this.name = name;
        this.folder = folder;
        this.environment = environment;
        Port = Ports.Free();
        Directory.CreateDirectory(folder);
    }

    public bool HasExited => process is null || process.HasExited;

    /// <summary>Starts the process; again after <see cref="TerminateAsync"/>, a restart on the same port.</summary>
    public void Start()
    {
        process?.Dispose();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start instance {name}");
        Say($"--- started pid {process.Id} on {Address}");
        process.OutputDataReceived += (_, e) => Say(e.Data);
        process.ErrorDataReceived += (_, e) => Say(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Polls /health until it answers 200; fails with the instance's own output if it never does.</summary>
    public async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var started = Stopwatch.StartNew(); started.Elapsed < TimeSpan.FromSeconds(60);)
        {
            if (HasExited) break;
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"Instance {name} did not answer /health with 200.\n{Output}");
    }

    /// <summary>Sends SIGTERM, as systemd or a container runtime does, and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        var p = process ?? throw new InvalidOperationException($"Instance {name} is not running");
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])!) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await p.WaitForExitAsync(timeout.Token);
        Say($"--- exited {p.ExitCode}");
        return p.ExitCode;
    }

    /// <summary>SIGKILL, as a power cut or the OOM killer does: no shutdown, no flush; waits until it is gone.</summary>
    public async Task KillAsync()
    {
        var p = process ?? throw new InvalidOperationException($"Instance {name} is not running");
        p.Kill(entireProcessTree: false);
        await p.WaitForExitAsync();
        Say("--- killed (SIGKILL)");
    }

    public string Output
    {
        get { lock (output) return $"=== instance {name} ({Address}) ===\n{output}"; }
    }

    /// <summary>The last lines of <see cref="Output"/>: enough for a failure message, which the whole run would drown.</summary>
    public string Tail(int lines = 30)
    {
        string all;
        lock (output) all = output.ToString();
        var last = all.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines);
        return $"=== instance {name} ({Address}), last {lines} lines ===\n{string.Join('\n', last)}";
    }

    private void Say(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        process?.Dispose();
    }
}
