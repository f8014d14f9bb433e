using Broadsheet.Comments;

namespace Broadsheet.Tests.Comments;

public sealed class CommentTreeTests
{
    private static readonly DateTime T0 = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    private static ThreadRow Row(long id, long? parent = null, int user = 1, CommentStatus status = CommentStatus.Visible,
        double minutes = 0, double score = 0) =>
        new(id, parent, user, $"Reader {user}", $"reader-{user}", status, $"<p>{id}</p>", T0.AddMinutes(minutes), null, 0, 0, score);

    private static IEnumerable<long> Ids(IEnumerable<CommentNode> nodes) => nodes.Select(n => n.Row.Id);

    [Fact]
    public void Replies_nest_under_their_parents()
    {
        var roots = CommentTree.Build([Row(1), Row(2, 1), Row(3, 1, minutes: 1), Row(4, 2), Row(5, minutes: 2)], CommentSort.Oldest, null);

        Ids(roots).ShouldBe([1, 5]);
        Ids(roots[0].Replies).ShouldBe([2, 3]);
        Ids(roots[0].Replies[0].Replies).ShouldBe([4]);
        roots[0].Replies[0].Replies[0].Depth.ShouldBe(3);
    }

    [Theory]
    [InlineData(CommentSort.Best, new long[] { 2, 3, 1 })]
    [InlineData(CommentSort.Newest, new long[] { 3, 2, 1 })]
    [InlineData(CommentSort.Oldest, new long[] { 1, 2, 3 })]
    public void Each_sort_orders_every_level(CommentSort sort, long[] order)
    {
        ThreadRow[] rows = [
            Row(1, minutes: 0, score: 0.1), Row(2, minutes: 1, score: 0.8), Row(3, minutes: 2, score: 0.5),
            Row(11, 1, minutes: 3, score: 0.1), Row(12, 1, minutes: 4, score: 0.8), Row(13, 1, minutes: 5, score: 0.5),
        ];
        var roots = CommentTree.Build(rows, sort, null);
        Ids(roots).ShouldBe(order);
        Ids(roots.Single(r => r.Row.Id == 1).Replies).ShouldBe(order.Select(i => i + 10));
    }

    [Fact]
    public void Best_breaks_ties_by_the_older_comment() =>
        Ids(CommentTree.Build([Row(2, minutes: 5), Row(1, minutes: 1)], CommentSort.Best, null)).ShouldBe([1, 2]);

    [Fact]
    public void A_thread_ten_deep_nests_six_levels_and_lists_the_rest_under_the_sixth_in_reply_to_their_parents()
    {
        var rows = Enumerable.Range(1, 10).Select(i => Row(i, i == 1 ? null : i - 1, user: i, minutes: i)).ToList();

        var roots = CommentTree.Build(rows, CommentSort.Best, null);

        var node = roots.ShouldHaveSingleItem();
        for (var depth = 1; depth < 6; depth++)
        {
            node.Depth.ShouldBe(depth);
            node = node.Replies.ShouldHaveSingleItem();
        }
        node.Row.Id.ShouldBe(6);
        node.Depth.ShouldBe(6);
        Ids(node.Replies).ShouldBe([7, 8, 9, 10]);
        node.Replies.ShouldAllBe(r => r.Depth == 7 && r.Replies.Count == 0);
        node.Replies[0].InReplyTo.ShouldBeNull(); // 7 is a reply to 6, where it is shown
        node.Replies.Skip(1).Select(r => r.InReplyTo!.Row.Id).ShouldBe([7, 8, 9]);
        node.Replies[3].InReplyTo!.Name.ShouldBe("Reader 9");
    }

    [Fact]
    public void Flattened_replies_keep_each_conversation_together()
    {
        // 6 levels, then two branches below the sixth: 7 -> 9, and 8.
        var rows = Enumerable.Range(1, 6).Select(i => Row(i, i == 1 ? null : i - 1, minutes: i)).ToList();
        rows.AddRange([Row(7, 6, minutes: 7), Row(8, 6, minutes: 8), Row(9, 7, minutes: 9)]);

        var sixth = CommentTree.Build(rows, CommentSort.Oldest, null)[0].Replies[0].Replies[0].Replies[0].Replies[0].Replies[0];

        Ids(sixth.Replies).ShouldBe([7, 9, 8]);
    }

    [Fact]
    public void A_held_comment_is_shown_only_to_its_author()
    {
        ThreadRow[] rows = [Row(1, user: 1), Row(2, user: 2, status: CommentStatus.Held)];

        Ids(CommentTree.Build(rows, CommentSort.Oldest, viewerId: 2)).ShouldBe([1, 2]);
        CommentTree.Build(rows, CommentSort.Oldest, viewerId: 2)[1].Kind.ShouldBe(NodeKind.Held);
        Ids(CommentTree.Build(rows, CommentSort.Oldest, viewerId: 3)).ShouldBe([1]);
        Ids(CommentTree.Build(rows, CommentSort.Oldest, viewerId: null)).ShouldBe([1]);
    }

    [Theory]
    [InlineData(CommentStatus.Deleted, NodeKind.Deleted, "[deleted]")]
    [InlineData(CommentStatus.Rejected, NodeKind.Removed, "[removed]")]
    [InlineData(CommentStatus.Held, NodeKind.Removed, "[removed]")]
    public void A_comment_not_shown_stays_as_a_placeholder_while_replies_hang_from_it(CommentStatus status, NodeKind kind, string name)
    {
        var roots = CommentTree.Build([Row(1, user: 5, status: status), Row(2, 1, user: 6)], CommentSort.Oldest, viewerId: 6);

        var placeholder = roots.ShouldHaveSingleItem();
        placeholder.Kind.ShouldBe(kind);
        placeholder.Name.ShouldBe(name);
        Ids(placeholder.Replies).ShouldBe([2]);
    }

    [Theory]
    [InlineData(CommentStatus.Deleted)]
    [InlineData(CommentStatus.Rejected)]
    public void A_hidden_comment_without_shown_replies_disappears(CommentStatus status)
    {
        var roots = CommentTree.Build([Row(1, status: status), Row(2, 1, status: CommentStatus.Rejected), Row(3)], CommentSort.Oldest, null);
        Ids(roots).ShouldBe([3]);
    }

    [Fact]
    public void A_comment_by_a_deleted_account_is_credited_to_deleted_user()
    {
        var row = Row(1) with { UserId = null, AuthorName = null, AuthorHandle = null };
        CommentTree.Build([row], CommentSort.Best, null)[0].Name.ShouldBe("deleted user");
    }

    [Fact]
    public void A_chain_thousands_deep_builds_without_running_out_of_stack()
    {
        var rows = Enumerable.Range(1, 20_000).Select(i => Row(i, i == 1 ? null : i - 1, minutes: i));
        var roots = CommentTree.Build(rows, CommentSort.Oldest, null);
        var sixth = roots[0].Replies[0].Replies[0].Replies[0].Replies[0].Replies[0];
        sixth.Replies.Count.ShouldBe(20_000 - 6);
    }

    [Theory]
    [InlineData(null, CommentSort.Best)]
    [InlineData("", CommentSort.Best)]
    [InlineData("best", CommentSort.Best)]
    [InlineData("newest", CommentSort.Newest)]
    [InlineData("oldest", CommentSort.Oldest)]
    public void Sorts_parse_by_name(string? raw, CommentSort sort)
    {
        CommentTree.TryParseSort(raw, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(sort);
    }

    [Theory]
    [InlineData("Best")]
    [InlineData("top")]
    [InlineData("1")]
    public void Other_sorts_do_not_parse(string raw) => CommentTree.TryParseSort(raw, out _).ShouldBeFalse();
}
