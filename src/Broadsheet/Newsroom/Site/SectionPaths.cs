namespace Broadsheet.Newsroom.Site;

public enum SectionKind { Category, Tag }

/// <summary>The public addresses of a section or tag, which must keep answering (301) after a rename or merge.</summary>
public static class SectionPaths
{
    public static string Prefix(SectionKind kind) => kind == SectionKind.Category ? "/category/" : "/tag/";

    /// <summary>The page and its two feeds; pages (?page=N) keep their query through the redirect.</summary>
    public static string[] Of(SectionKind kind, string slug)
    {
        var page = Prefix(kind) + slug;
        return [page, page + "/feed", page + "/feed/atom"];
    }

    /// <summary>Old address → new address for every public path, when a slug changes.</summary>
    public static IEnumerable<(string From, string To)> Moves(SectionKind kind, string oldSlug, string newSlug) =>
        Of(kind, oldSlug).Zip(Of(kind, newSlug));
}
