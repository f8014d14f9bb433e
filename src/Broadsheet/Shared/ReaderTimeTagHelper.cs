using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace Broadsheet.Shared;

/// <summary>
/// Every &lt;time datetime="...Z"&gt; gets its hover title in the site's time zone (Site:TimeZone,
/// changed at /newsroom/settings), so no page has to pass the zone along. The datetime attribute
/// stays UTC for machines; the visible "3 hours ago" needs no zone.
/// </summary>
[HtmlTargetElement("time", Attributes = "datetime,title")]
public sealed class ReaderTimeTagHelper(IOptionsMonitor<SiteOptions> site) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.TryGetAttribute("datetime", out var attribute)) return;
        var raw = attribute.Value?.ToString();
        if (!DateTime.TryParseExact(raw, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)) return;
        var zone = site.CurrentValue.Zone();
        if (zone == TimeZoneInfo.Utc) return; // the page already says it in UTC
        output.Attributes.SetAttribute("title", RelativeTime.Exact(utc, zone));
    }
}
