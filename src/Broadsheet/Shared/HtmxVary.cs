using Microsoft.Extensions.Primitives;

namespace Broadsheet.Shared;

/// <summary>
/// Pages and endpoints answer an htmx request (the HX-Request header) with a fragment and a
/// browser's navigation with the whole page, at the same URL. A browser or proxy cache keyed on
/// the URL alone could then show a bare fragment after Back, or a whole page inside a swap; so
/// every response the app renders says it varies by that header, whatever else it varies by.
/// One rule here rather than a line in each page: a new endpoint that branches on htmx is covered.
/// Static files and pictures are served before this and never vary.
/// </summary>
public static class HtmxVary
{
    public const string Header = "HX-Request";

    public static IApplicationBuilder UseHtmxVary(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                var vary = response.Headers.Vary;
                if (!vary.SelectMany(v => (v ?? "").Split(',')).Any(v => v.Trim().Equals(Header, StringComparison.OrdinalIgnoreCase)))
                    response.Headers.Vary = vary.Count == 0 ? Header : new StringValues(string.Join(", ", [.. vary, Header]));
                return Task.CompletedTask;
            });
            return next(context);
        });
}
