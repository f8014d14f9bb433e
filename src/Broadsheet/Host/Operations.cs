using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using System.IO.Compression;

namespace Broadsheet.Host;

/// <summary>What an operator relies on: health, compression, proxies, graceful shutdown.</summary>
public static class Operations
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IHostEnvironment env)
    {
        // Structured JSON logs outside Development even when no appsettings.json is found
        // (the content root is the working directory); configuration can still choose.
        services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= env.IsDevelopment() ? "simple" : "json");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        // Room for a 10 KB search query: the app caps it at 200 characters and answers,
        // where Kestrel's 8 KB default would refuse the request line with a bare 414.
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = 16 * 1024);
        // A breaking story brings thousands of connections in the same second. Kestrel's accept queue
        // holds 512; the kernel drops the handshakes beyond it (TcpExt ListenOverflows) and those
        // readers' clients try again a whole second later: that was most of the vote storm's slow
        // first second and its p99 (issue 16). The kernel caps this at net.core.somaxconn.
        services.Configure<SocketTransportOptions>(o => o.Backlog = 8192);
        // In-flight requests get this long to finish after SIGTERM before the host stops.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            // A load balancer or monitor gets the same hint as readers while the database is away.
            ResponseWriter = (http, report) =>
            {
                if (report.Status == HealthStatus.Unhealthy)
                    DatabaseOutage.MarkUnavailable(http.Response, http.RequestServices.GetRequiredService<IConfiguration>());
                http.Response.ContentType = "text/plain";
                return http.Response.WriteAsync(report.Status.ToString());
            },
        }).DisableHttpMetrics();
        return app;
    }
}

/// <summary>Healthy when the database answers a query, not merely when a socket opens.</summary>
internal sealed class DatabaseHealthCheck(BroadsheetDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database did not answer.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database did not answer.", ex);
        }
    }
}
