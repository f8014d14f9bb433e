using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using System.Net;
using System.Text.RegularExpressions;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// The role × endpoint matrix, taken from the app's own route table so that a newsroom page or
/// endpoint added later is covered without anyone remembering to list it: every route under
/// /newsroom demands sign-in, readers get 403 on every GET and every POST handler (with a valid
/// antiforgery token, so the refusal is the role check and not the token), and authors get 403
/// wherever the editors' or admins' policy applies.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class NewsroomAccessTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private sealed record Route(string Path, string Policy, IReadOnlyList<string> PostHandlers, bool Get);

    /// <summary>Every /newsroom route: its path with sample values, the policy it demands and its POST handlers.</summary>
    private List<Route> NewsroomRoutes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("newsroom", StringComparison.Ordinal))
            .Select(e =>
            {
                var page = e.Metadata.GetMetadata<CompiledPageActionDescriptor>();
                var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods;
                return new Route(
                    "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "1"),
                    PolicyOf(e),
                    page is null
                        ? methods?.Contains("POST") == true ? [""] : []
                        : [.. page.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => h.Name ?? "")],
                    page is not null || methods is null || methods.Contains("GET"));
            })
            .DistinctBy(r => r.Path)];

    /// <summary>The strictest policy on the endpoint; pages that check roles in code say which in their summary, so they are listed here.</summary>
    private static string PolicyOf(Microsoft.AspNetCore.Http.Endpoint e)
    {
        var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
        if (policies.Contains(Policies.Admins)) return Policies.Admins;
        if (policies.Contains(Policies.Editors)) return Policies.Editors;
        if (policies.Contains(Policies.Staff)) return Policies.Staff;
        return e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() ? "signed-in" : "none";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [Fact]
    public void Every_newsroom_route_demands_at_least_a_signed_in_user()
    {
        var routes = NewsroomRoutes();
        routes.ShouldNotBeEmpty();
        routes.Where(r => r.Policy == "none").Select(r => r.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_from_every_newsroom_page()
    {
        foreach (var route in NewsroomRoutes().Where(r => r.Get))
        {
            using var visitor = app.Reader();
            var (response, _) = await visitor.GetPageAsync(route.Path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, route.Path);
            new Uri(app.Address, response.Headers.Location!).AbsolutePath.ShouldBe("/account/sign-in", route.Path);
        }
    }

    [Fact]
    public async Task Readers_get_403_on_every_newsroom_get_and_post()
    {
        var (reader, _) = await app.SignedInReaderAsync(Roles.Reader);
        var token = await TokenAsync(reader);
        foreach (var route in NewsroomRoutes())
        {
            if (route.Get) (await reader.GetPageAsync(route.Path)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, route.Path);
            foreach (var handler in route.PostHandlers)
            {
                var path = handler.Length == 0 ? route.Path : $"{route.Path}?handler={handler}";
                (await reader.PostAsync(path, token)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            }
        }
    }

    [Fact]
    public async Task Authors_get_403_wherever_editors_or_admins_are_required()
    {
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        var token = await TokenAsync(author);
        var restricted = NewsroomRoutes().Where(r => r.Policy is Policies.Editors or Policies.Admins).ToList();
        foreach (var route in restricted)
        {
            if (route.Get) (await author.GetPageAsync(route.Path)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, route.Path);
            foreach (var handler in route.PostHandlers)
            {
                var path = handler.Length == 0 ? route.Path : $"{route.Path}?handler={handler}";
                (await author.PostAsync(path, token)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            }
        }
    }

    /// <summary>A valid antiforgery token for this session, from the account page's forms.</summary>
    private static async Task<Dictionary<string, string>> TokenAsync(ReaderSession session)
    {
        var (_, page) = await session.GetPageAsync("/account");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new() { ["__RequestVerificationToken"] = token };
    }
}
