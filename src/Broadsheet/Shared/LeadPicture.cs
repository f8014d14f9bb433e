namespace Broadsheet.Shared;

/// <summary>
/// The picture a page opens with (the front page's lead, a story's main picture), announced in
/// the head so the browser asks for it before the stylesheet and scripts, at the size the
/// &lt;img&gt; will pick: the same srcset and sizes, so it is never fetched twice. A page sets
/// it with <see cref="Set"/>; the layout writes the preload.
/// </summary>
public sealed record LeadPicture(string Href, string? SrcSet, string Sizes)
{
    private const string Key = nameof(LeadPicture);

    public static void Set(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, LeadPicture picture) => viewData[Key] = picture;

    public static LeadPicture? Of(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) => viewData[Key] as LeadPicture;
}
