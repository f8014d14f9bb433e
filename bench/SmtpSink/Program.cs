using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

// The newsletter bench's mail server: a real SMTP server on loopback (the SmtpServer package the
// tests use) that answers 250 to everything and keeps only counts, so the app's sending is what is
// measured. Each second it prints "received N duplicates D": D counts messages whose recipient had
// already had one (a mail sent twice).
// Usage: SmtpSink --port P
var port = args.SkipWhile(a => a != "--port").Skip(1).Select(int.Parse).FirstOrDefault();
if (port == 0) { Console.Error.WriteLine("usage: SmtpSink --port P"); return 2; }

var sink = new Sink();
var options = new SmtpServerOptionsBuilder().ServerName("localhost")
    .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
var services = new SmtpServiceProvider();
services.Add(sink);
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
