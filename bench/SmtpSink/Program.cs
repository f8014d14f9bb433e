using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

// The newsletter bench's mail server: a real SMTP server on loopback (the SmtpServer package the
// tests use) that answers 250 to everything and keeps only counts, so the app's sending is what is
// measured. Each second it prints "received N duplicates D": D counts messages whose recipient had
// already had one (a mail sent twice). Its sockets have Nagle's algorithm off, as the app's client
// has: the package's own listener leaves it on, and its replies to pipelined commands (two small
// writes) then waited up to 40 ms for a delayed ACK, which capped every connection near 25 mails/s.
// Usage: SmtpSink --port P
var port = args.SkipWhile(a => a != "--port").Skip(1).Select(int.Parse).FirstOrDefault();
if (port == 0) { Console.Error.WriteLine("usage: SmtpSink --port P"); return 2; }

var sink = new Sink();
var options = new SmtpServerOptionsBuilder().ServerName("localhost")
    .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
var services = new SmtpServiceProvider();
services.Add(sink);
services.Add((IEndpointListenerFactory)new NoDelayListenerFactory());
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
var running = new SmtpServerHost(options, services).StartAsync(stop.Token);
Console.WriteLine($"listening on {port}");
while (!stop.IsCancellationRequested)
{
    try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { }
    Console.WriteLine($"received {sink.Received} duplicates {sink.Duplicates}");
}
try { await running; } catch (OperationCanceledException) { }
return 0;

sealed class Sink : MessageStore
{
    private readonly ConcurrentDictionary<string, byte> seen = new(StringComparer.OrdinalIgnoreCase);
    private long received, duplicates;
    public long Received => Interlocked.Read(ref received);
    public long Duplicates => Interlocked.Read(ref duplicates);

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref received);
        foreach (var to in transaction.To)
            if (!seen.TryAdd($"{to.User}@{to.Host}", 0)) Interlocked.Increment(ref duplicates);
        return Task.FromResult(SmtpResponse.Ok);
    }
}

/// <summary>The package's listener, but each accepted socket gets NoDelay before the session starts.</summary>
sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpoint)
    {
        var listener = new TcpListener(endpoint.Endpoint);
        listener.Start();
        return new NoDelayListener(listener);
    }
}

sealed class NoDelayListener(TcpListener listener) : IEndpointListener
{
    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        var client = await listener.AcceptTcpClientAsync(cancellationToken);
        client.NoDelay = true;
        context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
        context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
        return new PlainPipe(client);
    }

    public void Dispose() => listener.Stop();
}

/// <summary>The session's pipe over the socket; the sink offers no STARTTLS, so it never upgrades.</summary>
sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
{
    private readonly NetworkStream stream = client.GetStream();
    public PipeReader Input { get; } = PipeReader.Create(client.GetStream());
    public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());
    public bool IsSecure => false;
    public SslProtocols SslProtocol => SslProtocols.None;

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The bench sink offers no TLS.");

    public void Dispose()
    {
        stream.Dispose();
        client.Dispose();
    }
}
