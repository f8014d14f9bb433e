using Broadsheet.Caching;
using Broadsheet.Sharing;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Broadsheet.Layout;

/// <summary>
/// The key of the layout's kept &lt;head&gt; fragment (feed links, link-preview metadata and
/// JSON-LD, the preloads, the stylesheets and scripts): every value that part shows. The asset
/// version hashes are not in it: they belong to the files the process was started with.
/// </summary>
public static class HeadKey
{
    public static FragmentKey Of(HeadMetadata head, ViewDataDictionary viewData, SiteOptions site, string origin, PathString pathBase, bool newsroom)
    {
        var key = new FragmentKey("head")
            .Add(site.Name).Add(origin).Add(viewData["Feed"] as string).Add(viewData["Title"]?.ToString())
            .Add(head.SiteName).Add(head.Title).Add(head.Description).Add(head.CanonicalUrl).Add(head.OgType)
            .Add(head.Image.Url).Add(head.Image.Alt).Add(head.Image.Width).Add(head.Image.Height).Add(head.LargeImage)
            .Add(head.TwitterSite).Add(head.NoIndex).Add(head.JsonLdScripts)
            .Add(head.Facts is not null);
        if (head.Facts is { } facts)
            key.Add(facts.Published).Add(facts.Modified).Add(facts.Section).Add(facts.Tags).Add(facts.AuthorUrl);
        var lead = LeadPicture.Of(viewData);
        key.Add(lead is not null);
        if (lead is not null) key.Add(lead.Href).Add(lead.SrcSet).Add(lead.Sizes);
        return key.Add(BodyFont.Preloaded(viewData)).Add(pathBase.Value).Add(newsroom);
    }
}
