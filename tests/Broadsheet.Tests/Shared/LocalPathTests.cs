using Broadsheet.Shared;

namespace Broadsheet.Tests.Shared;

public sealed class LocalPathTests
{
    [Theory]
    [InlineData("/articles/a-story", "/articles/a-story")]
    [InlineData("/latest?page=2", "/latest?page=2")]
    [InlineData("/", "/")]
    [InlineData("/search?q=caf%C3%A9", "/search?q=caf%C3%A9")]
    [InlineData("/search?q=café", "/search?q=caf%C3%A9")]
    [InlineData("/tag/東京", "/tag/%E6%9D%B1%E4%BA%AC")]
    [InlineData("/search?q=🚢", "/search?q=%F0%9F%9A%A2")]
    [InlineData("/search?q=a b", "/search?q=a%20b")]
    [InlineData("/search?q=\"<x>\"", "/search?q=%22%3Cx%3E%22")]
    [InlineData("/a\u202Eb", "/a%E2%80%AEb")]
    public void A_path_on_this_site_is_kept_with_anything_outside_ascii_percent_encoded(string raw, string expected) =>
        LocalPath.Normalize(raw).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/ok\r\nSet-Cookie: x=1")]
    [InlineData("/a\\b")]
    [InlineData("/a\0b")]
    [InlineData("/a\u0085b")]
    [InlineData(" /a")]
    public void Anything_that_is_not_a_path_on_this_site_is_refused(string? raw)
    {
        LocalPath.Normalize(raw).ShouldBeNull();
        LocalPath.OrHome(raw).ShouldBe("/");
    }

    [Fact]
    public void An_overlong_path_goes_home() => LocalPath.OrHome("/" + new string('a', 3000)).ShouldBe("/");

    [Fact]
    public void A_path_that_encoding_makes_overlong_goes_home() => LocalPath.Normalize("/" + new string('é', 400)).ShouldBeNull();

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character_not_an_exception() =>
        LocalPath.Normalize("/a\uD800b").ShouldBe("/a%EF%BF%BDb");
}
