using Broadsheet.Caching;
using Broadsheet.Media;

namespace Broadsheet.Articles;

/// <summary>
/// The keys of a story page's kept fragments (Caching/Fragments.cs): each hashes every value its
/// markup shows, so an edit to the story, its tags or its author's box gives a new key on every
/// instance at once, and nothing has to be evicted.
/// </summary>
public static class StoryKeys
{
    /// <summary>The main picture: the file, its size and words, and the resized copies that exist for it.</summary>
    public static FragmentKey Figure(StoryPicture picture, MediaVariants variants) =>
        new FragmentKey("story-figure")
            .Add(picture.Path).Add(picture.Width).Add(picture.Height).Add(picture.Alt).Add(picture.Caption)
            .Add(picture.Credit).Add(picture.Licence).Add(variants.SrcSet(picture.Path, picture.Width));

    /// <summary>The share links (the story's address, headline and standfirst) and the footer (tags, the author's box).</summary>
    public static FragmentKey Footer(Article a, string origin) =>
        new FragmentKey("story-footer")
            .Add(origin).Add(a.Slug).Add(a.Title).Add(a.Standfirst)
            .Add(a.Tags.OrderBy(t => t.Name).SelectMany(t => new[] { t.Slug, t.Name }))
            .Add(a.Author.Slug).Add(a.Author.DisplayName).Add(a.Author.Bio);
}
