using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// A real SMTP server on a free loopback port that keeps what it receives, so the SMTP sender is
/// tested over the wire rather than against a fake client. Given credentials, it offers AUTH over
/// plain text (test only), refuses mail from a session that did not sign in with them, and
/// records the user that did.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Channel<ReceivedMail> received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public int Port { get; }

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
        services.Add(new Store(received.Writer));
        if (requireAuth) services.Add(new DelegatingUserAuthenticator((user, pass) => user == username && pass == password));
        // StartAsync binds the listener before its first await, so the port accepts as soon as this returns.
        running = new SmtpServerHost(options, services).StartAsync(stop.Token);
    }

    /// <summary>The next message the server accepted; throws if none arrives in time.</summary>
    public async Task<ReceivedMail> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try { return await received.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException("The SMTP test server received no message in time."); }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; }
        catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private sealed class Store(ChannelWriter<ReceivedMail> sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // Parsed here, while the buffer is still valid: SmtpServer reuses it once we return.
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            await sink.WriteAsync(new ReceivedMail(message, user), cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A message as the server stored it, and who signed in to send it (null: nobody).</summary>
public sealed record ReceivedMail(MimeMessage Message, string? AuthenticatedUser);
