namespace Broadsheet.Newsroom.Site;

/// <summary>One line of the sections or tags table, with what its order buttons may do.</summary>
public sealed record SectionRowView(SectionKind Kind, SectionRow Row, int Place, bool First, bool Last)
{
    public string Path => SectionPaths.Prefix(Kind) + Row.Slug;
    public string Id => $"{Kind.ToString().ToLowerInvariant()}-{Row.Id}";
}
