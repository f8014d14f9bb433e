using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Broadsheet.Shared;

/// <summary>
/// Pages set in the serif's regular weight (a story's body) ask the layout to preload that font
/// too. Found only through the stylesheet, it was a third link in the chain before the text
/// settled (page, then CSS, then font) and the last request before a story's first paint (issue 21).
/// Other pages do not pay for it: their regular text is the system sans.
/// </summary>
public static class BodyFont
{
    private const string Key = nameof(BodyFont);

    public const string Href = "/fonts/source-serif-4-latin-400-normal.woff2";

    public static void Preload(ViewDataDictionary viewData) => viewData[Key] = true;

    public static bool Preloaded(ViewDataDictionary viewData) => viewData[Key] is true;
}
