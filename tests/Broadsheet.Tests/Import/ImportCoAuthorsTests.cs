using Broadsheet.Tests.Fixtures;
using Broadsheet.Articles;
using Broadsheet.Import;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Import;

/// <summary>Co-Authors Plus data in a WordPress export (issue 24): its author terms become the story's bylines, in order.</summary>
[Trait("Category", "Integration")]
[LongRunning(55)]
public sealed class ImportCoAuthorsTests(ImportedSite site) : IClassFixture<ImportedSite>
{
    private const string PostTerms = """<category domain="post_tag" nicename="ferries"><![CDATA[Ferries]]></category>""";

    private Task<(string First, List<string> More)> BylineOfAsync() => site.WithDbAsync(async db =>
    {
        var id = await db.ImportedItems.Where(i => i.Kind == "post" && i.ExternalId == "101").Select(i => (int)i.LocalId).SingleAsync();
        var first = await db.Articles.Where(a => a.Id == id).Select(a => a.Author.DisplayName).SingleAsync();
        var more = await db.ArticleBylines.Where(b => b.ArticleId == id).OrderBy(b => b.Position).Select(b => b.Author!.DisplayName).ToListAsync();
        return (first, more);
    });

    [Fact]
    public async Task Co_authors_plus_terms_become_the_byline_in_their_order_with_a_guest_as_a_byline_without_account()
    {
        var cap = """<category domain="author" nicename="cap-teo.v"><![CDATA[teo.v]]></category><category domain="author" nicename="cap-mara"><![CDATA[mara]]></category><category domain="author" nicename="cap-rosa-field"><![CDATA[rosa-field]]></category>""";
        var xml = WordPressExport.Xml.Replace(PostTerms, PostTerms + cap, StringComparison.Ordinal);
        xml.ShouldNotBe(WordPressExport.Xml);

        var (code, output) = await site.ImportAsync(xml);

        code.ShouldBe(0, output);
        var (first, more) = await BylineOfAsync();
        first.ShouldBe("Teodor Vasić");
        more.ShouldBe(["Mara Quinlan", "rosa-field"]);
        output.ShouldContain("rosa-field");
    }

    [Fact]
    public async Task An_export_without_co_authors_plus_that_names_several_authors_is_warned_about()
    {
        var xml = WordPressExport.Xml.Replace("<dc:creator><![CDATA[mara]]></dc:creator>", "<dc:creator><![CDATA[mara]]></dc:creator><wp:postmeta><wp:meta_key><![CDATA[byline]]></wp:meta_key><wp:meta_value><![CDATA[Mara Quinlan and Teodor Vasić]]></wp:meta_value></wp:postmeta>", StringComparison.Ordinal);
        xml.ShouldNotBe(WordPressExport.Xml);

        var (code, output) = await site.ImportAsync(xml);

        code.ShouldBe(0, output);
        output.ShouldContain("names several authors (\"Mara Quinlan and Teodor Vasić\") but the export has no Co-Authors Plus data");
    }
}
