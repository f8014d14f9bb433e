using System.Collections.Concurrent;
using Broadsheet.Mail;
using Broadsheet.Tests.Fixtures;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Broadsheet.Tests.Mail;

/// <summary>
/// Account mail through the real registration (AddEmail in a real host), written to real files
/// and sent to a real SMTP server on loopback.
/// </summary>
public sealed class MailTests : IDisposable
{
    private const string Link = "https://news.example/account/confirm?token=abc123";

    private static readonly OutgoingMail Confirm = new(
        "reader@example.com",
        "Confirm your Broadsheet account",
        $"Welcome. Confirm your account: {Link}",
        $"<p>Welcome. <a href=\"{Link}\">Confirm your account</a></p>",
        Link);

    private readonly string root = Directory.CreateTempSubdirectory("broadsheet-mail-").FullName;
    private readonly LogCollector logs = new();

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task File_sender_writes_a_readable_eml_with_the_link()
    {
        using var host = Build(new() { ["Email:Directory"] = "outbox", ["Email:From"] = "Broadsheet Desk <desk@news.example>" });

        await host.Services.GetRequiredService<IMailSender>().SendAsync(Confirm);

        var files = Directory.GetFiles(Path.Combine(root, "outbox"));
        files.Length.ShouldBe(1, "one .eml and no temp file left behind");
        Path.GetFileName(files[0]).ShouldMatch(@"^\d{8}T\d{9}Z-[0-9a-f]{32}\.eml$");
        using var message = await MimeMessage.LoadAsync(files[0]);
        AssertIsTheConfirmation(message);
        message.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("desk@news.example");
        message.From.Mailboxes.Single().Name.ShouldBe("Broadsheet Desk");
        message.MessageId.ShouldEndWith("@news.example");
        message.Date.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task File_names_are_unique_and_sort_in_the_order_mail_was_sent()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 25, 9, 1, 2, 123, TimeSpan.Zero));
        using var host = Build([], services => services.AddSingleton<TimeProvider>(clock));
        var sender = host.Services.GetRequiredService<IMailSender>();

        await sender.SendAsync(Confirm with { Subject = "first" });
        await sender.SendAsync(Confirm with { Subject = "second, same millisecond" });
        clock.Now = clock.Now.AddSeconds(1);
        await sender.SendAsync(Confirm with { Subject = "third" });

        var names = Directory.GetFiles(Path.Combine(root, "data", "mail")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        names.Count.ShouldBe(3);
        names.Distinct().Count().ShouldBe(3);
        names[0]!.ShouldStartWith("20261125T090102123Z-");
        names[1]!.ShouldStartWith("20261125T090102123Z-");
        names[2]!.ShouldStartWith("20261125T090103123Z-");
        using var last = await MimeMessage.LoadAsync(Path.Combine(root, "data", "mail", names[2]!));
        last.Subject.ShouldBe("third");
    }

    [Fact]
    public async Task File_sender_logs_the_recipient_subject_and_link_so_a_newcomer_can_follow_it()
    {
        using var host = Build([]);

        await host.Services.GetRequiredService<IMailSender>().SendAsync(Confirm);

        var line = logs.Entries.Where(e => e.Category == typeof(FileMailSender).FullName).ShouldHaveSingleItem();
        line.Level.ShouldBe(LogLevel.Information);
        line.Message.ShouldContain(Confirm.To, Case.Sensitive);
        line.Message.ShouldContain(Confirm.Subject, Case.Sensitive);
        line.Message.ShouldContain(Link, Case.Sensitive);
    }

    [Fact]
    public async Task Smtp_sender_delivers_through_a_real_smtp_server()
    {
        await using var smtp = new SmtpTestServer();
        using var host = Build(SmtpSettings(smtp.Port));

        await host.Services.GetRequiredService<IMailSender>().SendAsync(Confirm);

        var received = await smtp.NextAsync();
        AssertIsTheConfirmation(received.Message);
        received.Message.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("no-reply@localhost");
        received.AuthenticatedUser.ShouldBeNull();
        Directory.Exists(Path.Combine(root, "data", "mail")).ShouldBeFalse("SMTP mail is not also written to files");
        var line = logs.Entries.Where(e => e.Category == typeof(SmtpMailSender).FullName).ShouldHaveSingleItem();
        line.Message.ShouldContain(Confirm.To, Case.Sensitive);
        line.Message.ShouldContain(Confirm.Subject, Case.Sensitive);
    }

    [Fact]
    public async Task Smtp_sender_signs_in_when_a_username_is_set_and_never_logs_the_password()
    {
        await using var smtp = new SmtpTestServer("desk", "correct-horse-battery");
        using var host = Build(new(SmtpSettings(smtp.Port)) { ["Email:Smtp:Username"] = "desk", ["Email:Smtp:Password"] = "correct-horse-battery" });

        await host.Services.GetRequiredService<IMailSender>().SendAsync(Confirm);

        var received = await smtp.NextAsync();
        received.AuthenticatedUser.ShouldBe("desk");
        received.Message.Subject.ShouldBe(Confirm.Subject);
        logs.Entries.ShouldNotBeEmpty();
        logs.Entries.ShouldAllBe(e => !e.Message.Contains("correct-horse-battery"));
    }

    [Fact]
    public async Task Smtp_sender_fails_loudly_when_the_relay_refuses_the_login()
    {
        await using var smtp = new SmtpTestServer("desk", "correct-horse-battery");
        using var host = Build(new(SmtpSettings(smtp.Port)) { ["Email:Smtp:Username"] = "desk", ["Email:Smtp:Password"] = "wrong" });

        await Should.ThrowAsync<AuthenticationException>(() => host.Services.GetRequiredService<IMailSender>().SendAsync(Confirm));
    }

    [Theory]
    [InlineData(null, typeof(FileMailSender))]
    [InlineData("", typeof(FileMailSender))]
    [InlineData("   ", typeof(FileMailSender))]
    [InlineData("smtp.news.example", typeof(SmtpMailSender))]
    public void Smtp_is_chosen_only_when_a_host_is_configured(string? smtpHost, Type expected)
    {
        using var host = Build(new() { ["Email:Smtp:Host"] = smtpHost });

        host.Services.GetRequiredService<IMailSender>().ShouldBeOfType(expected);
    }

    [Fact]
    public void The_mail_folder_is_taken_from_the_content_root_unless_it_is_absolute()
    {
        using (var host = Build([]))
            ((FileMailSender)host.Services.GetRequiredService<IMailSender>()).Folder.ShouldBe(Path.Combine(root, "data", "mail"));

        var elsewhere = Path.Combine(Path.GetTempPath(), "broadsheet-elsewhere");
        using (var host = Build(new() { ["Email:Directory"] = elsewhere }))
            ((FileMailSender)host.Services.GetRequiredService<IMailSender>()).Folder.ShouldBe(elsewhere);
    }

    private static void AssertIsTheConfirmation(MimeMessage message)
    {
        message.Subject.ShouldBe(Confirm.Subject);
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(Confirm.To);
        message.Body.ShouldBeOfType<MultipartAlternative>();
        message.TextBody.ShouldNotBeNull().ShouldContain($"Confirm your account: {Link}", Case.Sensitive);
        message.HtmlBody.ShouldNotBeNull().ShouldContain($"<a href=\"{Link}\">", Case.Sensitive);
        message.MessageId.ShouldNotBeNullOrWhiteSpace();
    }

    private static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(),
        ["Email:Smtp:Security"] = "None",
    };

    /// <summary>A real host rooted at this test's folder, configured only by <paramref name="settings"/>.</summary>
    private IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? extra = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = root,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs);
        extra?.Invoke(builder.Services);
        builder.Services.AddEmail(builder.Configuration);
        return builder.Build();
    }

    private sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message);

    /// <summary>Keeps every formatted log line, so a test can read what an operator would see.</summary>
    private sealed class LogCollector : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> entries = new();

        public IReadOnlyList<LogEntry> Entries => [.. entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception)));
        }
    }
}
