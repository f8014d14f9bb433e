using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Broadsheet.Articles;

/// <summary>
/// How a card's thumbnail loads. Lists render their first few cards with <see cref="Eager"/>
/// view data so the pictures a reader sees without scrolling are not held back by lazy loading;
/// everything further down stays lazy. The choice depends only on the position in the list,
/// never on the reader, so shared cached pages stay shared.
/// </summary>
public static class CardImage
{
    public const string EagerKey = "CardImageEager";

    /// <summary>Cards above the fold on a list's first page: two rows of the grid on a wide screen, one card on a phone.</summary>
    public const int AboveTheFold = 4;

    public const string FeedKey = "CardImageInFeed";

    /// <summary>A card's picture is at most a grid column wide (about 18rem) on wide screens, the full width on a phone.</summary>
    public const string Sizes = "(min-width: 44rem) 18rem, 100vw";

    /// <summary>
    /// In a feed (sections, search, latest) the picture floats beside the text at min(36%, 12rem)
    /// (css/site.css, <c>.feed .card-image</c>). Saying 100vw there made a phone fetch the 1024 copy
    /// for a 140 px box: about 60 KB per card above the fold instead of about 10 (issue 21).
    /// </summary>
    public const string FeedSizes = "(min-width: 44rem) 12rem, 36vw";

    /// <summary>The sizes for a card rendered with <paramref name="viewData"/>: a feed's, or a grid's.</summary>
    public static string SizesFor(ViewDataDictionary viewData) => viewData[FeedKey] is true ? FeedSizes : Sizes;

    /// <summary>View data for the card at <paramref name="index"/> of a feed: eager for the first <paramref name="eagerCount"/>.</summary>
    public static ViewDataDictionary For(ViewDataDictionary parent, int index, int eagerCount = AboveTheFold) =>
        new(parent) { [EagerKey] = index < eagerCount, [FeedKey] = true };
}
