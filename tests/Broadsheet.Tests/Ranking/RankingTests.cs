using Broadsheet.Ranking;

namespace Broadsheet.Tests.Ranking;

public sealed class RankingTests
{
    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(1, 0, 0.2065)]
    [InlineData(10, 0, 0.7225)]
    [InlineData(40, 2, 0.8423)]
    [InlineData(5, 5, 0.2366)]
    [InlineData(0, 10, 0.0)]
    public void Wilson_lower_bound_matches_the_published_formula(int up, int down, double expected) =>
        Wilson.LowerBound(up, down).ShouldBe(expected, 0.0005);

    [Fact]
    public void Forty_up_two_down_beats_one_lucky_upvote() =>
        Wilson.LowerBound(40, 2).ShouldBeGreaterThan(Wilson.LowerBound(1, 0));

    [Theory]
    [InlineData(10, 0, 0, 0.0, 11 / 2.8284)]    // (10 + 1) / 2^1.5
    [InlineData(0, 0, 0, 0.0, 1 / 2.8284)]
    [InlineData(0, 5, 0, 0.0, 11 / 2.8284)]     // a comment is worth two points
    [InlineData(0, 0, 1000, 0.0, 11 / 2.8284)]  // a hundred views are worth one
    [InlineData(10, 0, 0, 22.0, 11 / 117.5755)] // (10 + 1) / 24^1.5
    public void Hotness_weighs_points_comments_and_views_against_age(int points, int comments, long views, double hours, double expected) =>
        Hotness.Of(points, comments, views, TimeSpan.FromHours(hours)).ShouldBe(expected, 0.001);

    [Fact]
    public void A_fresh_story_with_a_little_activity_outranks_a_day_old_one_with_much_more() =>
        Hotness.Of(5, 1, 200, TimeSpan.FromHours(1)).ShouldBeGreaterThan(Hotness.Of(40, 10, 5000, TimeSpan.FromHours(30)));

    [Fact]
    public void Every_story_cools_as_it_ages() =>
        Hotness.Of(20, 3, 900, TimeSpan.FromHours(10)).ShouldBeLessThan(Hotness.Of(20, 3, 900, TimeSpan.FromHours(2)));

    [Fact]
    public void Downvoted_stories_sink_below_untouched_ones() =>
        Hotness.Of(-10, 0, 0, TimeSpan.FromHours(1)).ShouldBeLessThan(Hotness.Of(0, 0, 0, TimeSpan.FromHours(1)));
}
