using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// A real SMTP server on a free loopback port that keeps what it receives, so the SMTP sender is
/// tested over the wire rather than against a fake client. Given credentials, it offers AUTH over
/// plain text (test only), refuses mail from a session that did not sign in with them, and
/// records the user that did. A test can script its answers per recipient: refuse RCPT TO with
/// a code a number of times (<see cref="Refuse"/>: 451 once, then 250; or 550 for good), or
/// hold its reply to DATA until the test lets go (<see cref="HoldData"/>).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Channel<ReceivedMail> received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly ConcurrentQueue<ReceivedMail> all = new();
    private readonly Script script = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public int Port { get; }

    private int sessions;

    /// <summary>SMTP sessions (connections) opened so far.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public SmtpTestServer(string? username = null, string? password = null)
    {
        Port = Ports.Free();
        var requireAuth = username is not null;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e
                .Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(requireAuth)
                .AllowUnsecureAuthentication(requireAuth))
            .Build();
        var services = new SmtpServiceProvider();
        services.Add(new Store(received.Writer, all, script));
        services.Add(new Filter(script));
        if (requireAuth) services.Add(new DelegatingUserAuthenticator((user, pass) => user == username && pass == password));
        var server = new SmtpServerHost(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        // StartAsync binds the listener before its first await, so the port accepts as soon as this returns.
        running = server.StartAsync(stop.Token);
    }

    /// <summary>The next message the server accepted; throws if none arrives in time.</summary>
    public async Task<ReceivedMail> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try { return await received.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException("The SMTP test server received no message in time."); }
    }

    /// <summary>Everything accepted so far (with 250 to DATA), in order.</summary>
    public IReadOnlyList<ReceivedMail> Received => [.. all];

    /// <summary>How many accepted messages were addressed to <paramref name="address"/>.</summary>
    public int CountTo(string address) =>
        all.Count(m => m.Message.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Answers RCPT TO for the address with <paramref name="code"/> the next <paramref name="times"/> times, then 250.</summary>
    public void Refuse(string address, int code, int times = int.MaxValue) => script.Refusals[address.ToLowerInvariant()] = new Refusal(code, times);

    /// <summary>
    /// The next message to the address is read whole, then its reply to DATA is held: the test
    /// sees <see cref="DataHold.Reached"/>, does what it needs (kill the sender), then
    /// <see cref="DataHold.Release"/> answers 451 and the message is not kept, as a server that
    /// lost the session before committing would.
    /// </summary>
    public DataHold HoldData(string address)
    {
        var hold = new DataHold();
        script.Holds[address.ToLowerInvariant()] = hold;
        return hold;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; }
        catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private sealed class Script
    {
        public ConcurrentDictionary<string, Refusal> Refusals { get; } = new();
        public ConcurrentDictionary<string, DataHold> Holds { get; } = new();
    }

    private sealed class Refusal(int code, int times)
    {
        private int left = times;
        public int Code { get; } = code;
        public bool Take() => Interlocked.Decrement(ref left) >= 0;
    }

    private sealed class Filter(Script script) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (script.Refusals.TryGetValue(to.AsAddress().ToLowerInvariant(), out var refusal) && refusal.Take())
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)refusal.Code,
                    refusal.Code >= 500 ? "5.1.1 No such user here" : "4.7.1 Try again later"));
            return Task.FromResult(true);
        }
    }

    private sealed class Store(ChannelWriter<ReceivedMail> sink, ConcurrentQueue<ReceivedMail> all, Script script) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            foreach (var to in transaction.To)
            {
                if (!script.Holds.TryRemove(to.AsAddress().ToLowerInvariant(), out var hold)) continue;
                hold.Arrived();
                await hold.Released.WaitAsync(cancellationToken);
                return new SmtpResponse((SmtpReplyCode)451, "4.3.0 Session lost before the message was kept");
            }
            // Parsed here, while the buffer is still valid: SmtpServer reuses it once we return.
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            var mail = new ReceivedMail(message, user);
            all.Enqueue(mail);
            await sink.WriteAsync(mail, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A message as the server stored it, and who signed in to send it (null: nobody).</summary>
public sealed record ReceivedMail(MimeMessage Message, string? AuthenticatedUser);

/// <summary>A held reply to DATA (<see cref="SmtpTestServer.HoldData"/>).</summary>
public sealed class DataHold
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held message's data has arrived and the sender waits for the reply.</summary>
    public Task Reached => reached.Task;

    internal Task Released => released.Task;

    internal void Arrived() => reached.TrySetResult();

    public void Release() => released.TrySetResult();
}
