using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Debian's nginx running deploy/nginx/broadsheet.conf as shipped: only the listen port, the two
/// upstream ports and the log folder are rewritten, and it is wrapped in a minimal main config
/// of the test's own (Debian's nginx.conf would pull in /etc/nginx and /var/log/nginx).
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly string folder;
    private readonly Process process;

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");
    public string AccessLogFile => Path.Combine(folder, "broadsheet-access.log");
    public string ErrorLog => Read(Path.Combine(folder, "broadsheet-error.log")) + Read(Path.Combine(folder, "error.log")) + Said;

    private readonly System.Text.StringBuilder said = new();
    private void Say(string? line) { lock (said) said.AppendLine(line); }
    private string Said { get { lock (said) return said.ToString(); } }

    private NginxServer(string folder, int port, Process process)
    {
        this.folder = folder;
        Port = port;
        this.process = process;
    }

    public static NginxServer Start(string folder, int firstUpstream, int secondUpstream)
    {
        var port = Ports.Free();
        var site = RewriteShipped(File.ReadAllText(ShippedFile()), folder, port, firstUpstream, secondUpstream);
        File.WriteAllText(Path.Combine(folder, "broadsheet.conf"), site);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" }) Directory.CreateDirectory(Path.Combine(folder, "temp", temp));
        // As root, nginx's workers would switch to nobody, who cannot enter this 0700 folder.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                client_body_temp_path {{folder}}/temp/body;
                proxy_temp_path {{folder}}/temp/proxy;
                fastcgi_temp_path {{folder}}/temp/fastcgi;
                uwsgi_temp_path {{folder}}/temp/uwsgi;
                scgi_temp_path {{folder}}/temp/scgi;
                access_log {{folder}}/access.log;
                include {{folder}}/broadsheet.conf;
            }
            """);

        // nginx -t first: a broken shipped file fails here with nginx's own words.
        var check = Run(folder, "-t", "-q");
        if (check.ExitCode != 0) throw new InvalidOperationException($"nginx -t refused deploy/nginx/broadsheet.conf:\n{check.Output}");
        var psi = Psi(folder);
        var server = new NginxServer(folder, port, Process.Start(psi) ?? throw new InvalidOperationException("Could not start nginx"));
        // Drained so a full pipe can never stall nginx; anything it says goes with the error log.
        server.process.OutputDataReceived += (_, e) => server.Say(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Say(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        return server;
    }

    public bool HasExited => process.HasExited;

    /// <summary>Starts fresh workers, which forget that an upstream failed (a restarted instance is used again at once).</summary>
    public async Task ReloadAsync()
    {
        var reload = Run(folder, "-s", "reload");
        if (reload.ExitCode != 0) throw new InvalidOperationException($"nginx -s reload failed:\n{reload.Output}");
        await Task.Delay(300); // the master starts new workers on its own; give it a moment
    }

    /// <summary>
    /// The logged requests that match, once there are at least <paramref name="expected"/> of them
    /// (or 3 s have passed): nginx writes a line after the answer has gone, so a client can read
    /// the log before its last request is in it.
    /// </summary>
    public async Task<IReadOnlyList<AccessLogLine>> AccessLogAsync(Func<AccessLogLine, bool> match, int expected)
    {
        var lines = AccessLog().Where(match).ToList();
        for (var waited = 0; lines.Count < expected && waited < 3000; waited += 50)
        {
            await Task.Delay(50);
            lines = [.. AccessLog().Where(match)];
        }
        return lines;
    }

    /// <summary>Every request nginx has logged so far, oldest first.</summary>
    public IReadOnlyList<AccessLogLine> AccessLog() =>
        [.. Read(AccessLogFile).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(AccessLogLine.Parse)];

    internal static string RewriteShipped(string shipped, string folder, int listen, int first, int second)
    {
        var site = Replace(shipped, ListenLine(), $"listen 127.0.0.1:{listen};");
        site = Replace(site, new Regex(@"server 127\.0\.0\.1:5001;"), $"server 127.0.0.1:{first};");
        site = Replace(site, new Regex(@"server 127\.0\.0\.1:5002;"), $"server 127.0.0.1:{second};");
        return site.Replace("/var/log/nginx/", folder + "/", StringComparison.Ordinal);
    }

    /// <summary>Exactly one match, so a reshaped shipped file fails loudly instead of being half rewritten.</summary>
    private static string Replace(string text, Regex pattern, string replacement)
    {
        pattern.Matches(text).Count.ShouldBe(1, $"deploy/nginx/broadsheet.conf should have exactly one line matching {pattern}");
        return pattern.Replace(text, replacement);
    }

    [GeneratedRegex(@"listen 80;")]
    private static partial Regex ListenLine();

    public static string ShippedFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "nginx", "broadsheet.conf");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("deploy/nginx/broadsheet.conf was not found above the test assembly.");
    }

    private static ProcessStartInfo Psi(string folder, params string[] extra)
    {
        var psi = new ProcessStartInfo(Binary) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        // -e: the error log before the config is read; the compiled-in one is under /var/log/nginx.
        foreach (var a in new[] { "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf") }.Concat(extra))
            psi.ArgumentList.Add(a);
        return psi;
    }

    private static (int ExitCode, string Output) Run(string folder, params string[] args)
    {
        using var p = Process.Start(Psi(folder, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Read(string file)
    {
        if (!File.Exists(file)) return "";
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGQUIT: nginx's own graceful stop; then make sure.
            using (var quit = Process.Start("kill", ["-QUIT", process.Id.ToString()])) quit.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
    }
}

/// <summary>One line of the broadsheet_upstream log format: who asked what, the answer, and which instances nginx tried.</summary>
public sealed partial record AccessLogLine(string Client, string Method, string Target, int Status, IReadOnlyList<string> Upstreams)
{
    /// <summary>The instance that gave the answer (the last one tried).</summary>
    public string? ServedBy => Upstreams.Count > 0 ? Upstreams[^1] : null;

    public static AccessLogLine Parse(string line)
    {
        var m = Format().Match(line);
        if (!m.Success) throw new FormatException($"Not a broadsheet_upstream log line: {line}");
        // "A, B" when nginx moved on from A to B; "-" when no instance was asked.
        var upstreams = m.Groups["up"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(u => u != "-").ToList();
        return new AccessLogLine(m.Groups["client"].Value, m.Groups["method"].Value, m.Groups["target"].Value, int.Parse(m.Groups["status"].Value), upstreams);
    }

    [GeneratedRegex("""^(?<client>\S+) \S+ \S+ \[[^\]]+\] "(?<method>\S+) (?<target>\S+) [^"]*" (?<status>\d{3}) .* upstream="(?<up>[^"]*)" """)]
    private static partial Regex Format();
}
