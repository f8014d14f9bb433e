using Broadsheet.Media;

namespace Broadsheet.Tests.Media;

public sealed class PictureCreditTests
{
    [Theory]
    // A trailing credit in the caption is taken out of it, so the page shows it once.
    [InlineData("Ferries at dawn. Photo: Jane Doe", "", "Jane Doe", "", "Ferries at dawn.")]
    [InlineData("Ferries at dawn | Photo: Jane Doe/Reuters", "", "Jane Doe/Reuters", "", "Ferries at dawn")]
    [InlineData("Ferries at dawn — Credit: Harbour Trust", "", "Harbour Trust", "", "Ferries at dawn")]
    [InlineData("Ferries at dawn (Photo by Jane Doe)", "", "Jane Doe", "", "Ferries at dawn")]
    [InlineData("Ferries at dawn. © Jane Doe 2024", "", "Jane Doe 2024", "", "Ferries at dawn.")]
    [InlineData("Ferries at dawn. Photograph: Jane Doe for Broadsheet.", "", "Jane Doe for Broadsheet", "", "Ferries at dawn.")]
    [InlineData("Photo: Jane Doe", "", "Jane Doe", "", "")]
    // Otherwise a credit line in the description; the caption stays whole.
    [InlineData("Ferries at dawn", "Taken from the pier.\nPhoto credit: AP", "AP", "", "Ferries at dawn")]
    [InlineData("Ferries at dawn", "Copyright Harbour Trust", "Harbour Trust", "", "Ferries at dawn")]
    // WordPress.com's sample attachments (tests/…/Exports/wxr-1.2-wordpress-com-https.xml).
    [InlineData("Bell on wharf in San Francisco", "Public domain via https://www.burningwell.org/gallery2/v/Objects/100_5478.JPG.html",
        "burningwell.org", "Public domain via https://www.burningwell.org/gallery2/v/Objects/100_5478.JPG.html", "Bell on wharf in San Francisco")]
    // No credit: a word inside a sentence is not one, and nothing is invented.
    [InlineData("The photo: a harbour at dawn, with ferries", "", "", "", "The photo: a harbour at dawn, with ferries")]
    [InlineData("Canola field in bloom", "Lorem ipsum dolor sit amet", "", "", "Canola field in bloom")]
    [InlineData("", "", "", "", "")]
    public void WordPress_attachments_give_a_credit_by_the_documented_rule(string caption, string description, string credit, string licence, string rest)
    {
        var found = PictureCredit.FromWordPress(caption, description);
        found.ShouldBe(new PictureCredit.Found(credit, licence, rest));
    }

    [Theory]
    [InlineData("Jane Doe", "Person", "Jane Doe")]
    [InlineData("Jane Doe/Reuters", "Organization", "Reuters")]
    [InlineData("Reuters", "Organization", "Reuters")]
    [InlineData("Getty Images", "Organization", "Getty Images")]
    [InlineData("Harbour Press Agency", "Organization", "Harbour Press Agency")]
    [InlineData("Broadsheet demo", "Organization", "Broadsheet demo")]
    [InlineData("Apolline Martin", "Person", "Apolline Martin")] // "ap" only as a word
    public void A_credit_names_a_person_or_an_organisation_as_copyright_holder(string credit, string type, string name) =>
        PictureCredit.Holder(credit).ShouldBe((type, name));

    [Theory]
    [InlineData("https://creativecommons.org/licenses/by/4.0/", "https://creativecommons.org/licenses/by/4.0/")]
    [InlineData(" http://example.org/licence ", "http://example.org/licence")]
    [InlineData("CC BY 4.0 https://creativecommons.org/licenses/by/4.0/", null)]
    [InlineData("Single use, web only", null)]
    [InlineData("ftp://example.org/licence", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("", null)]
    public void Only_a_licence_that_is_one_web_address_becomes_a_link(string licence, string? url) =>
        PictureCredit.LicenceUrl(licence).ShouldBe(url);
}
