using Broadsheet.Votes;

namespace Broadsheet.Tests.Votes;

public sealed class VoteChangeTests
{
    [Theory]
    [InlineData(VoteState.None, VoteDirection.Up, VoteState.Up, 1, 0)]
    [InlineData(VoteState.None, VoteDirection.Down, VoteState.Down, 0, 1)]
    [InlineData(VoteState.None, VoteDirection.Clear, VoteState.None, 0, 0)]
    [InlineData(VoteState.Up, VoteDirection.Up, VoteState.Up, 0, 0)]
    [InlineData(VoteState.Up, VoteDirection.Down, VoteState.Down, -1, 1)]
    [InlineData(VoteState.Up, VoteDirection.Clear, VoteState.None, -1, 0)]
    [InlineData(VoteState.Down, VoteDirection.Up, VoteState.Up, 1, -1)]
    [InlineData(VoteState.Down, VoteDirection.Down, VoteState.Down, 0, 0)]
    [InlineData(VoteState.Down, VoteDirection.Clear, VoteState.None, 0, -1)]
    public void Every_transition_moves_the_counts_by_the_right_amount(VoteState current, VoteDirection requested, VoteState next, int up, int down) =>
        VoteChange.Apply(current, requested).ShouldBe(new VoteChange.Outcome(next, up, down));

    [Theory]
    [InlineData(VoteState.None, VoteDirection.Up, "up")]
    [InlineData(VoteState.None, VoteDirection.Down, "down")]
    [InlineData(VoteState.Up, VoteDirection.Up, "clear")]
    [InlineData(VoteState.Up, VoteDirection.Down, "down")]
    [InlineData(VoteState.Down, VoteDirection.Down, "clear")]
    [InlineData(VoteState.Down, VoteDirection.Up, "up")]
    public void Pressing_the_vote_you_hold_withdraws_it(VoteState current, VoteDirection button, string sent) =>
        VoteChange.ButtonValue(current, button).ShouldBe(sent);

    [Theory]
    [InlineData("up", true)]
    [InlineData("down", true)]
    [InlineData("clear", true)]
    [InlineData("Up", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("1", false)]
    public void Only_the_three_directions_parse(string? raw, bool parses) => VoteChange.TryParse(raw, out _).ShouldBe(parses);
}
