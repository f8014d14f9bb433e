using Npgsql;
using System.Diagnostics;
using System.Net;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Issue 8's scale-out topology on loopback: a PostgreSQL cluster and a Redis of its own, the
/// database migrated once, two app instances (A and B) started as an operator starts them, and
/// nginx round-robin in front from deploy/nginx/broadsheet.conf. Tests go through
/// <see cref="Reader"/> (nginx) unless they mean one instance. Only in the PostgreSQL pass:
/// under SQLite it starts nothing, and its tests are skipped.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    /// <summary>Why its tests are skipped under SQLite.</summary>
    public const string Needs = "Scale-out shares one PostgreSQL between instances";

    private static int nextClient;

    private string folder = "";
    private PostgresServer? postgres;
    private RedisServer? redis;

    public AppInstance A { get; private set; } = null!;
    public AppInstance B { get; private set; } = null!;
    public NginxServer Nginx { get; private set; } = null!;

    /// <summary>Site:BaseUrl of both instances: the server_name of the shipped nginx file.</summary>
    public const string SiteAddress = "https://news.example.org";
    public ClusterData Data { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    /// <summary>The Redis both instances share (rate-limit counters, evictions).</summary>
    public string RedisConfiguration => redis!.Configuration;

    /// <summary>Where both instances write mail (no SMTP), as one shared folder would be on a real cluster.</summary>
    public Mailbox Mailbox => new(Path.Combine(folder, "mail"), UndeliveredMail);

    /// <summary>Outbox rows either instance has still to send (the mailbox waits for none).</summary>
    private int UndeliveredMail()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var count = new NpgsqlCommand("""SELECT count(*) FROM "OutboxMails" WHERE "SentAt" IS NULL AND "FailedAt" IS NULL""", connection);
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task InitializeAsync()
    {
        if (!TestDatabase.IsPostgres) return;
        try { await StartAsync(); }
        catch (Exception e)
        {
            // xunit does not dispose a fixture that failed to start: stop what did start.
            var said = Diagnostics();
            await DisposeAsync();
            throw new InvalidOperationException($"The scale-out cluster did not start: {e.Message}\n{said}", e);
        }
    }

    private async Task StartAsync()
    {
        folder = Directory.CreateTempSubdirectory("broadsheet-scaleout-").FullName;
        postgres = PostgresServer.StartOwn();
        await using (var admin = new NpgsqlConnection(postgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand("CREATE DATABASE broadsheet", admin).ExecuteNonQueryAsync();
        }
        ConnectionString = postgres.ConnectionStringFor("broadsheet");
        redis = await RedisServer.StartAsync();
        var environment = Environment();

        // As the deploy guide says: migrate once, then start the instances (which do not migrate).
        var (exit, output) = await AppProcess.RunAsync(folder, environment, "migrate");
        exit.ShouldBe(0, output);

        A = new AppInstance("A", Path.Combine(folder, "a"), environment);
        B = new AppInstance("B", Path.Combine(folder, "b"), environment);
        A.Start();
        B.Start();
        await Task.WhenAll(A.WaitUntilHealthyAsync(), B.WaitUntilHealthyAsync());

        Directory.CreateDirectory(Path.Combine(folder, "nginx"));
        Nginx = NginxServer.Start(Path.Combine(folder, "nginx"), A.Port, B.Port);
        await WaitForNginxAsync();
        Data = new ClusterData(ConnectionString, folder);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        // The public address, which is neither nginx's nor an instance's: links never come from a request.
        ["Site__BaseUrl"] = SiteAddress,
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Broadsheet"] = ConnectionString,
        ["Redis__Configuration"] = redis!.Configuration,
        ["Demo__Seed"] = "false",
        ["Database__MigrateOnStart"] = "false",
        // Long on purpose: an edit can then reach the other instance only through eviction, not expiry.
        ["Caching__PageSeconds"] = "60",
        ["Views__FlushMilliseconds"] = "500",
        ["RateLimits__sign-in__Permits"] = "6",
        // An hour, so seven attempts in a row almost never straddle two windows (the test also checks).
        ["RateLimits__sign-in__WindowSeconds"] = "3600",
        ["Accounts__AnnounceSetup"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        // No SMTP: both instances write mail to one folder, where the sign-up test reads its link.
        ["Email__Directory"] = Path.Combine(folder, "mail"),
        // Either instance's outbox sender may send it; a short poll keeps the test quick.
        ["Email__Outbox__PollSeconds"] = "0.2",
        ["Media__Directory"] = Path.Combine(folder, "media"),
        // Comments shown at once and no time-to-submit wait: the counts under test, not moderation.
        ["Comments__Moderation"] = "None",
        ["Comments__MinSecondsToSubmit"] = "0",
    };

    /// <summary>
    /// A reader through nginx, connecting from a loopback address of its own (127.1.x.y), so
    /// nginx forwards a distinct client address and each reader has its own rate limits.
    /// </summary>
    public ReaderSession Reader() => new(Nginx.Address, NextClientAddress());

    /// <summary>A reader talking to one instance directly, from a loopback address of its own.</summary>
    public ReaderSession Reader(AppInstance instance) => new(instance.Address, NextClientAddress());

    private static IPAddress NextClientAddress()
    {
        var n = Interlocked.Increment(ref nextClient);
        return new IPAddress([127, 1, (byte)(n >> 8), (byte)n]);
    }

    /// <summary>The instance that is not <paramref name="instance"/>.</summary>
    public AppInstance Other(AppInstance instance) => instance == A ? B : A;

    public AppInstance ByUpstream(string upstream) =>
        upstream == A.Upstream ? A : upstream == B.Upstream ? B : throw new InvalidOperationException($"{upstream} is neither instance");

    /// <summary>Lines nginx logged for this reader's address, one per request it has had answered: which instance served each.</summary>
    public Task<IReadOnlyList<AccessLogLine>> LogAsync(ReaderSession reader) =>
        Nginx.AccessLogAsync(l => l.Client == reader.From?.ToString(), reader.Answered);

    /// <summary>Starts a stopped instance again and has nginx use it at once (fresh workers forget the failure).</summary>
    public async Task RestartAsync(AppInstance instance)
    {
        instance.Start();
        await instance.WaitUntilHealthyAsync();
        await Nginx.ReloadAsync();
        // Done when nginx sends a request to it again: the reload is asynchronous, and until
        // the old worker has gone it may still count the instance as down.
        using var probe = Reader();
        for (var started = Stopwatch.StartNew(); started.Elapsed < TimeSpan.FromSeconds(15);)
        {
            try { await probe.Http.GetAsync("/health"); }
            catch (HttpRequestException) { }
            if ((await LogAsync(probe)).LastOrDefault()?.ServedBy == instance.Upstream) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"nginx did not send requests to the restarted instance {instance.Address}.\n{Diagnostics()}");
    }

    private async Task WaitForNginxAsync()
    {
        using var http = new HttpClient { BaseAddress = Nginx.Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var started = Stopwatch.StartNew(); started.Elapsed < TimeSpan.FromSeconds(20);)
        {
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"nginx did not answer /health with 200.\n{Diagnostics()}");
    }

    /// <summary>Everything the processes said, for a failure message.</summary>
    public string Diagnostics() =>
        $"{A?.Tail()}\n{B?.Tail()}\n=== nginx ===\n{Nginx?.ErrorLog}\n=== redis ===\n{redis?.Output}";

    public async Task DisposeAsync()
    {
        if (folder.Length == 0) return;
        if (Data is not null) await Data.DisposeAsync();
        if (Nginx is not null) await Nginx.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (redis is not null) await redis.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        postgres?.Stop();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
