using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Api;

/// <summary>Every Content API error is application/problem+json with a sentence in "detail".</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) => Make(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult NotFound(string detail) => Make(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Forbidden(string detail) => Make(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult Unauthorized(string detail) => Make(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult TooManyRequests(int seconds) =>
        Make(StatusCodes.Status429TooManyRequests, "Too many requests", $"Too many requests. Try again in {seconds} seconds.");

    public static ProblemHttpResult MethodNotAllowed() =>
        Make(StatusCodes.Status405MethodNotAllowed, "Method not allowed", "The Content API is read-only: use GET or HEAD.");

    private static ProblemHttpResult Make(int status, string title, string detail) =>
        // "type" is left to ASP.NET Core, which names the RFC 9110 section for the status.
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
