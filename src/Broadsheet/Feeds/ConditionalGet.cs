using Microsoft.Net.Http.Headers;
using System.Security.Cryptography;

namespace Broadsheet.Feeds;

/// <summary>
/// Conditional GET for feeds (RFC 9110 §13): readers poll, and a 304 saves them the body.
/// A cached copy is answered by the output cache itself, which compares the same ETag and
/// Last-Modified it stored; this answers the request that renders.
/// </summary>
public static class ConditionalGet
{
    /// <summary>A weak tag of the body's bytes: compression changes the bytes on the wire, not the meaning.</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) => $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";

    /// <summary>
    /// True when the client's copy is current. If-None-Match, when sent, decides alone
    /// (weak comparison, "*" matches); otherwise If-Modified-Since against the last change.
    /// </summary>
    public static bool IsNotModified(string? ifNoneMatch, string? ifModifiedSince, string etag, DateTime lastModified)
    {
        if (!string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            if (!EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags)) return false;
            var ours = EntityTagHeaderValue.Parse(etag);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
        }
        return HeaderUtilities.TryParseDate(ifModifiedSince, out var since)
            && FeedDates.Utc(lastModified) <= since.UtcDateTime;
    }
}
