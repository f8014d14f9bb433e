using Broadsheet.Shared;
using Spectre.Console;

namespace Broadsheet.Tests.Shared;

public sealed class ConsoleProgressTests
{
    [Fact]
    public async Task In_a_terminal_progress_is_a_live_bar_redrawn_in_place_that_ends_at_one_hundred_percent()
    {
        var output = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        var reported = new List<int>();

        await ConsoleProgress.RunAsync("posts", 4, async progress =>
        {
            for (var i = 1; i <= 4; i++)
            {
                progress.Report(i);
                reported.Add(i);
                await Task.Yield();
            }
        }, terminal);

        reported.ShouldBe([1, 2, 3, 4]);
        var text = output.ToString();
        text.ShouldContain("4 posts");
        text.ShouldContain("100%");
        text.ShouldContain("\u001b["); // cursor movement: the bar is redrawn where it stands
        text.ShouldNotContain("[####"); // not the plain lines meant for logs
    }

    [Theory]
    [InlineData(0, 10, "[..............................]")]
    [InlineData(5, 10, "[###############...............]")]
    [InlineData(10, 10, "[##############################]")]
    [InlineData(12, 10, "[##############################]")]
    [InlineData(0, 0, "[##############################]")]
    public void The_plain_bar_for_logs_fills_in_proportion_and_never_overflows(int done, int total, string bar) =>
        ConsoleProgress.Bar(done, total).ShouldBe(bar);
}
