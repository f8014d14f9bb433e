using Broadsheet.Articles;

namespace Broadsheet.Tests.Articles;

public sealed class BylineTests
{
    [Theory]
    [InlineData("en-GB", new[] { "Ana Lopes" }, "By Ana Lopes")]
    [InlineData("en-GB", new[] { "Ana Lopes", "Ben Hart" }, "By Ana Lopes and Ben Hart")]
    [InlineData("en-GB", new[] { "Ana Lopes", "Ben Hart", "Chloé Ng" }, "By Ana Lopes, Ben Hart and Chloé Ng")]
    [InlineData("en", new[] { "A", "B", "C", "D" }, "By A, B, C and D")]
    [InlineData("en-US", new[] { "Ana Lopes", "Ben Hart", "Chloé Ng" }, "By Ana Lopes, Ben Hart, and Chloé Ng")]
    [InlineData("en-US", new[] { "Ana Lopes", "Ben Hart" }, "By Ana Lopes and Ben Hart")]
    // A guest byline is a name like any other; where it links is the page's business.
    [InlineData("en-GB", new[] { "Ana Lopes", "Dr Rosa Field (guest)" }, "By Ana Lopes and Dr Rosa Field (guest)")]
    [InlineData("fr", new[] { "Ana Lopes", "Ben Hart", "Chloé Ng" }, "Par Ana Lopes, Ben Hart et Chloé Ng")]
    [InlineData("de-AT", new[] { "Ana Lopes", "Ben Hart" }, "Von Ana Lopes und Ben Hart")]
    [InlineData("es", new[] { "Ana Lopes", "Ben Hart", "Chloé Ng" }, "Por Ana Lopes, Ben Hart y Chloé Ng")]
    [InlineData("xx-unknown", new[] { "Ana Lopes", "Ben Hart" }, "By Ana Lopes and Ben Hart")] // no words for it: English
    [InlineData("", new[] { "Ana Lopes" }, "By Ana Lopes")]
    [InlineData("en-GB", new string[0], "")]
    public void Bylines_join_their_names_in_the_sites_language(string language, string[] names, string expected) =>
        Byline.Of(names, language).ShouldBe(expected);
}
