using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// One feature's share of "Download my data" (the follows, ...): features above Accounts keep
/// rows about the reader, so each adds its own part under its own key and Accounts names none
/// of them (issue 18).
/// </summary>
public interface IAccountExportPart
{
    /// <summary>The part's key in the exported document, e.g. "following".</summary>
    string Name { get; }

    Task<object> BuildAsync(int userId, CancellationToken ct);
}

/// <summary>"Download my data": everything stored about the signed-in reader, as JSON.</summary>
public static class Export
{
    public static IEndpointRouteBuilder MapAccountExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/export", async (HttpContext http, UserManager<User> users, TimeProvider clock,
            IEnumerable<IAccountExportPart> parts, CancellationToken ct) =>
        {
            var user = await users.GetUserAsync(http.User);
            if (user is null) return Results.Challenge();
            http.Response.Headers.CacheControl = "no-store";
            var data = await BuildAsync(users, user, clock, parts, ct);
            return Results.Json(data, statusCode: 200, contentType: "application/json; charset=utf-8")
                .WithDownloadName($"broadsheet-{user.Handle}-{clock.GetUtcNow():yyyy-MM-dd}.json", http);
        }).RequireAuthorization();
        return app;
    }

    public static async Task<object> BuildAsync(UserManager<User> users, User user, TimeProvider clock,
        IEnumerable<IAccountExportPart> parts, CancellationToken ct)
    {
        // A dictionary, so each feature's part is a key of the document; keys keep this order.
        var data = new Dictionary<string, object>
        {
            ["exportedAt"] = clock.GetUtcNow().UtcDateTime,
            ["account"] = new
            {
                user.Email,
                user.EmailConfirmed,
                user.DisplayName,
                handle = user.Handle,
                user.JoinedAt,
                roles = await users.GetRolesAsync(user),
                hasPassword = await users.HasPasswordAsync(user),
            },
        };
        foreach (var part in parts) data[part.Name] = await part.BuildAsync(user.Id, ct);
        return data;
    }
}

internal static class DownloadResult
{
    /// <summary>Adds Content-Disposition so the browser saves the JSON instead of showing it.</summary>
    public static IResult WithDownloadName(this IResult result, string name, HttpContext http)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return result;
    }
}
