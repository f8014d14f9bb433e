using Broadsheet.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Shared;

/// <summary>
/// Every error a reader can meet, as a page in the site's own layout. It never shows
/// exception details: outside Development the exception handler sends readers here.
/// </summary>
[IgnoreAntiforgeryToken]
[NeverStored]
public sealed class ErrorModel : PageModel
{
    private const string ReasonKey = "Broadsheet.Shared.ErrorModel.Reason";

    /// <summary>Gives the error page for this request the refusal's own sentence, for an endpoint that answers a browser with an empty error status.</summary>
    public static void Explain(HttpContext http, string reason) => http.Items[ReasonKey] = reason;

    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    // No bound parameters: binding would read the form of a re-executed POST, and reading a
    // form whose antiforgery token failed throws, turning a 400 into a 500.
    public IActionResult OnGet() => Show();
    public IActionResult OnPost() => Show();

    /// <summary>
    /// A re-executed request keeps its method: the error for a TRACE or a PUT must render too, so
    /// any method this page has no handler for is shown by the GET one (never a 405 for a 405).
    /// </summary>
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context) =>
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.First(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase));

    private IActionResult Show()
    {
        int? code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c : null;
        var reexecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        // Visiting /error/500 directly is not an error: only a re-executed request keeps its code.
        Code = reexecuted && code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        // A malformed request that only surfaced as an exception (a minimal-API form post with a
        // missing antiforgery token, an unreadable body, one too large) is the client's error, not ours.
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (ClientFaults.StatusFor(error) is { } status) Code = status;
        // The database is away: not our bug but an outage the reader can wait out.
        if (DatabaseUnavailable.Is(error)) Code = StatusCodes.Status503ServiceUnavailable;
        (Heading, Message) = Code switch
        {
            400 => ("That request did not make sense", "Something in the address or the form was not in a shape we understand."),
            404 => ("We could not find that page", "The story may have moved or been taken down, or the address may be mistyped."),
            405 => ("That is not allowed here", "This address does not accept that kind of request."),
            413 => ("That was too much to send", "The request or the file was larger than this address accepts. Send something smaller."),
            422 => ("We could not accept that", "Some of what was sent could not be used. Check it and try again."),
            429 => ("Slow down a little", "Too many requests came from your address. Wait a moment and try again."),
            503 => ("We will be right back", "The site is having trouble reaching its database. Try again in a minute."),
            _ when Code >= 500 => ("Something went wrong on our side", "The error has been logged. Try again in a minute."),
            _ => ("That did not work", "The request could not be completed."),
        };
        // A form whose token failed (it sat open past a sign-in or sign-out, or too long): say so, and what to do.
        if (Code == StatusCodes.Status400BadRequest && HttpContext.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
            (Heading, Message) = ("The form had expired", "Nothing was sent. Go back, reload the page and try again.");
        if (HttpContext.Items[ReasonKey] is string reason)
            (Heading, Message) = (Code == StatusCodes.Status429TooManyRequests ? Heading : "We could not do that", reason);
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
            DatabaseOutage.MarkUnavailable(Response, HttpContext.RequestServices.GetRequiredService<IConfiguration>());
        return Page();
    }
}
