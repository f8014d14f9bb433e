using Broadsheet.Api;

namespace Broadsheet.Tests.Api;

public sealed class ApiParametersTests
{
    [Theory]
    [InlineData(null, null, 1, 15)]
    [InlineData("3", "100", 3, 100)]
    [InlineData("", "1", 1, 1)]
    public void Good_paging_is_read(string? page, string? limit, int expectedPage, int expectedLimit)
    {
        ApiParameters.Paging(page, limit, 15, out var p, out var l).ShouldBeNull();
        (p, l).ShouldBe((expectedPage, expectedLimit));
    }

    [Theory]
    [InlineData("0", null, "page")]
    [InlineData("-1", null, "page")]
    [InlineData("x", null, "page")]
    [InlineData("10001", null, "page")]
    [InlineData(null, "0", "limit")]
    [InlineData(null, "101", "limit")]
    [InlineData(null, "1000", "limit")]
    [InlineData(null, "1.5", "limit")]
    public void Bad_paging_is_named(string? page, string? limit, string named) =>
        ApiParameters.Paging(page, limit, 15, out _, out _)!.ShouldStartWith(named);

    [Theory]
    [InlineData("2026-03-01", "2026-03-01", "2026-03-01T00:00:00.0000000Z", "2026-03-02T00:00:00.0000000Z")]
    [InlineData("2026-03-01T09:30:00+02:00", "2026-03-01T09:30:00Z", "2026-03-01T07:30:00.0000000Z", "2026-03-01T09:30:00.0000001Z")]
    [InlineData(null, null, null, null)]
    public void Dates_are_a_half_open_utc_range_whose_end_includes_the_day_or_instant_named(string? from, string? to, string? start, string? end)
    {
        ApiParameters.Dates(from, to, out var f, out var t).ShouldBeNull();
        f?.ToString("O").ShouldBe(start);
        t?.ToString("O").ShouldBe(end);
    }

    [Theory]
    [InlineData("yesterday", null, "from")]
    [InlineData("2026-13-01", null, "from")]
    [InlineData("01/03/2026", null, "from")]
    [InlineData(null, "2026-02-30", "to")]
    [InlineData("2026-03-02", "2026-03-01", "from must come before")]
    public void Bad_dates_are_named(string? from, string? to, string named) =>
        ApiParameters.Dates(from, to, out _, out _)!.ShouldStartWith(named);

    [Theory]
    [InlineData(null, null, "id,slug,title,standfirst,url,publishedAt,updatedAt,readingMinutes,category,author,authors,tags,image,counts")]
    [InlineData("title,slug", null, "title,slug")]
    [InlineData(" title , slug,title", null, "title,slug")]
    [InlineData(null, "html", "id,slug,title,standfirst,url,publishedAt,updatedAt,readingMinutes,category,author,authors,tags,image,counts,html")]
    [InlineData("slug", "html", "slug,html")]
    [InlineData(null, "html,plaintext", "id,slug,title,standfirst,url,publishedAt,updatedAt,readingMinutes,category,author,authors,tags,image,counts,html,plaintext")]
    public void Fields_choose_what_each_article_carries(string? fields, string? include, string expected)
    {
        ApiParameters.Fields(fields, include, ApiParameters.ListFields, out var chosen).ShouldBeNull();
        chosen.OrderBy(f => f).ShouldBe(expected.Split(',').OrderBy(f => f));
    }

    [Theory]
    [InlineData("title,password", null, "Unknown field “password”")]
    [InlineData("Title", null, "Unknown field “Title”")]
    [InlineData(null, "comments", "include and formats take html and plaintext, not “comments”")]
    public void Unknown_fields_are_refused_by_name(string? fields, string? include, string expected) =>
        ApiParameters.Fields(fields, include, ApiParameters.ListFields, out _)!.ShouldStartWith(expected);

    [Theory]
    [InlineData(2, 2, 5, 3, 3, 1)]
    [InlineData(1, 2, 5, 3, 2, null)]
    [InlineData(3, 2, 5, 3, null, 2)]
    [InlineData(9, 2, 5, 3, null, 3)]
    [InlineData(1, 15, 0, 0, null, null)]
    public void Pagination_points_to_its_neighbours(int page, int limit, int total, int pages, int? next, int? prev) =>
        Pagination.Of(page, limit, total).ShouldBe(new Pagination(page, limit, total, pages, next, prev));

    [Theory]
    [InlineData("city", "city", "")]
    [InlineData("city,sport", "city,sport", "")]
    [InlineData(" city , -sport ", "city", "sport")]
    [InlineData("-city,-sport", "", "city,sport")]
    [InlineData("", "", "")]
    public void A_slug_filter_takes_several_slugs_and_minus_leaves_one_out(string raw, string include, string exclude)
    {
        ApiParameters.SlugFilter("tag", raw, out var slugs).ShouldBeNull();
        string.Join(',', slugs.Include).ShouldBe(include);
        string.Join(',', slugs.Exclude).ShouldBe(exclude);
    }

    [Theory]
    [InlineData("city,Sport", "There is no tag “Sport”.")]
    [InlineData("--city", "There is no tag “-city”.")]
    public void A_malformed_slug_in_a_filter_is_named(string raw, string expected) =>
        ApiParameters.SlugFilter("tag", raw, out _).ShouldBe(expected);

    [Theory]
    [InlineData(null, null, "published", false)]
    [InlineData("title", null, "title", true)]
    [InlineData("title", "desc", "title", false)]
    [InlineData("views", "asc", "views", true)]
    [InlineData("points", null, "points", false)]
    public void Order_and_direction_are_read_with_title_ascending_by_default(string? order, string? direction, string field, bool ascending)
    {
        ApiParameters.Order(order, direction, out var sorted).ShouldBeNull();
        sorted.ShouldBe(new ArticleOrder(field, ascending));
    }
}
