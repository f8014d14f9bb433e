using Microsoft.AspNetCore.Mvc;
using System.Reflection;

namespace Broadsheet.Api;

/// <summary>
/// Refuses a query parameter the endpoint does not take (400 naming it), so ?catgory=sport is a
/// typo the client hears about, not "every story". A repeated parameter is a list only where the
/// endpoint takes a list (<see cref="ApiParameters.ListParameters"/>); any other is refused, since
/// page=1&amp;page=2 has no one meaning. The names come from the handler's own parameters, so
/// they cannot drift from what the endpoint reads.
/// </summary>
public static class ApiQueryFilter
{
    /// <summary>The key may always come in the query (<see cref="ApiKeyFilter"/>).</summary>
    public const string KeyParameter = "key";

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var known = QueryNames(factory.MethodInfo);
        return invocation =>
        {
            var request = invocation.HttpContext.Request;
            foreach (var (name, values) in request.Query)
            {
                if (name == KeyParameter) continue;
                // A route value ({slug}) is read from the path; the same name in the query is not one of ours.
                if (!known.Contains(name) || request.RouteValues.ContainsKey(name))
                    return ValueTask.FromResult<object?>(ApiProblems.BadRequest(Unknown(name, known.Where(k => !request.RouteValues.ContainsKey(k)))));
                if (values.Count > 1 && !ApiParameters.ListParameters.Contains(name))
                    return ValueTask.FromResult<object?>(ApiProblems.BadRequest($"{name} was given {values.Count} times; give it once."));
            }
            return next(invocation);
        };
    }

    private static string Unknown(string name, IEnumerable<string> known)
    {
        var shown = name.Length > 40 ? name[..40] + "…" : name;
        var list = string.Join(", ", known.Order(StringComparer.Ordinal));
        return $"Unknown query parameter “{shown}”. This endpoint takes {(list.Length == 0 ? "none" : list)} (and key).";
    }

    /// <summary>The query names a handler binds: its simple parameters and the properties of its [AsParameters] ones.</summary>
    public static IReadOnlySet<string> QueryNames(MethodInfo handler)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in handler.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in p.ParameterType.GetProperties())
                    if (property.GetCustomAttribute<FromQueryAttribute>() is { } q) names.Add(q.Name ?? property.Name);
            }
            else if (IsSimple(p.ParameterType))
            {
                names.Add(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!);
            }
        }
        return names;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || (t.IsPrimitive && t != typeof(IntPtr)) || t == typeof(DateTime) || t == typeof(DateTimeOffset);
    }
}
