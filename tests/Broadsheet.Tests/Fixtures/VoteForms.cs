using Broadsheet.Articles;
using Broadsheet.Votes;

namespace Broadsheet.Tests.Fixtures;

/// <summary>How a signed-in reader votes on a story over HTTP: with the form the live counters widget gives them.</summary>
public static class VoteForms
{
    /// <summary>The reader's form token from <c>/articles/{slug}/counters</c>; only a signed-in reader gets a form.</summary>
    public static async Task<string> VoteTokenAsync(this ReaderSession reader, string slug)
    {
        var (_, widget) = await reader.GetPageAsync(VoteWidget.PathFor(slug));
        var token = widget.QuerySelector("form.vote input[name=__RequestVerificationToken]")
            ?? throw new Xunit.Sdk.XunitException("The counters fragment has no vote form: is the reader signed in?");
        return token.GetAttribute("value")!;
    }

    /// <summary>Submits the vote form with <paramref name="direction"/> (up, down or clear).</summary>
    public static async Task<HttpResponseMessage> VoteOnArticleAsync(this ReaderSession reader, string slug, string direction, bool htmx = false)
    {
        var token = await reader.VoteTokenAsync(slug);
        return (await reader.PostAsync($"/articles/{slug}/vote",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = direction }, htmx)).Response;
    }
}
