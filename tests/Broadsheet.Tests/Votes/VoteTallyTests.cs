using Broadsheet.Votes;

namespace Broadsheet.Tests.Votes;

public sealed class VoteTallyTests
{
    [Theory]
    [InlineData(0, 0, "0 Votes: 0 Upvotes, 0 Downvotes (0 Points)")]
    [InlineData(7, 2, "9 Votes: 7 Upvotes, 2 Downvotes (5 Points)")]
    [InlineData(1, 0, "1 Vote: 1 Upvote, 0 Downvotes (1 Point)")]
    [InlineData(0, 1, "1 Vote: 0 Upvotes, 1 Downvote (-1 Points)")]
    [InlineData(2, 1, "3 Votes: 2 Upvotes, 1 Downvote (1 Point)")]
    [InlineData(0, 3, "3 Votes: 0 Upvotes, 3 Downvotes (-3 Points)")]
    [InlineData(1500, 250, "1,750 Votes: 1,500 Upvotes, 250 Downvotes (1,250 Points)")]
    public void Line_keeps_the_reference_form(int up, int down, string expected) =>
        VoteTally.Line(up, down).ShouldBe(expected);

    [Theory]
    [InlineData(5, 2, 3)]
    [InlineData(0, 4, -4)]
    public void Points_are_up_minus_down(int up, int down, int points) =>
        VoteTally.Points(up, down).ShouldBe(points);
}
