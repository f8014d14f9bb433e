using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using System.Text;

namespace Broadsheet.Shared;

/// <summary>
/// Exceptions a client causes, not a bug of ours: a malformed or oversized body, a form the
/// framework cannot read, a token it cannot decode, bytes that are not UTF-8. They answer
/// 400 (or 413 for a size limit) instead of 500, logged as one line rather than an error with a
/// stack. API, JSON and htmx callers get problem+json here; pages fall through to the error
/// page, which asks <see cref="StatusFor"/> for the code and shows it in the site's layout.
/// </summary>
public sealed class ClientFaults(ILogger<ClientFaults> log) : IExceptionHandler
{
    /// <summary>The status a client-caused exception deserves, or null when the fault is ours.</summary>
    public static int? StatusFor(Exception? exception) => exception switch
    {
        null => null,
        // Kestrel's and the framework's own verdict: 400, 408, 413, 431...
        BadHttpRequestException bad => bad.StatusCode,
        AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        // The form reader's limits (value count, key or value length, multipart body length).
        InvalidDataException limit when limit.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
            => StatusCodes.Status413PayloadTooLarge,
        // A multipart body whose boundary or headers do not parse.
        InvalidDataException => StatusCodes.Status400BadRequest,
        // The form and multipart readers' "unexpected end of stream": a body cut short or never
        // closed. Only theirs: an IOException from our own disk writes is still our fault.
        IOException when exception.Source == "Microsoft.AspNetCore.WebUtilities" => StatusCodes.Status400BadRequest,
        DecoderFallbackException => StatusCodes.Status400BadRequest,
        _ => StatusFor(exception.InnerException),
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (StatusFor(exception) is not { } status) return false;
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        log.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", http.Request.Method, path, status, exception.GetBaseException().Message);
        if (!WantsJson(path, http.Request.Headers)) return false; // the error page shows it in the layout
        await Results.Problem(
            detail: status == StatusCodes.Status413PayloadTooLarge ? "The request was larger than this address accepts." : "The request could not be read.",
            statusCode: status).ExecuteAsync(http);
        return true;
    }

    private static bool WantsJson(string path, IHeaderDictionary headers) =>
        path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        || headers.ContainsKey("HX-Request")
        || headers.Accept.Any(a => a?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
}
