using Broadsheet.Data;
using Broadsheet.Pages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Demo;

/// <summary>The pages every news site has, in our own words: About and Privacy in the footer, About in the menu.</summary>
public static class DemoPages
{
    private static readonly (string Title, string Slug, bool Menu, bool Footer, int Position, string Description, string Body)[] Pages =
    [
        ("About us", "about", true, true, 10, "Who writes this newspaper, who owns it and how to reach the newsroom.",
            """
            The Broadsheet demo newsroom is a small, independent daily. Our reporters cover the town hall,
            the harbour, the schools and the courts, and our sections follow business, science, culture and sport.

            ## Who owns us

            We are owned by our readers' cooperative. No advertiser, party or owner sees a story before it is published.

            ## How we work

            - We name our sources unless naming them would put someone at risk, and then we say why.
            - We put our reporters' names on their stories.
            - We correct our mistakes in the open: see our [corrections policy](/pages/corrections-policy).
            """),
        ("Contact", "contact", false, false, 20, "How to reach the newsroom with a tip, a correction or a letter.",
            """
            ## The newsroom

            Send tips and story ideas to **newsdesk@example.org**. If you need to reach us without leaving a trace,
            ask for our secure contact details and a reporter will call you back.

            ## Letters

            Letters for publication go to **letters@example.org**. Keep them under 300 words and give your name and town.

            ## Corrections

            Write to **corrections@example.org**, telling us which story and what is wrong.
            """),
        ("Corrections policy", "corrections-policy", false, false, 30, "How we fix mistakes, and how you tell us about them.",
            """
            We try to get every fact right the first time. When we do not, we say so.

            1. A correction is added at the foot of the story, saying what was wrong and when it was fixed.
            2. A mistake that changed the meaning of a story is also noted at the top of it.
            3. We do not quietly delete stories. If one must come down for legal reasons, its address says so.

            To report an error, write to **corrections@example.org**. An editor answers within two working days.
            """),
        ("Privacy", "privacy", false, true, 40, "What we record about readers, why, and for how long.",
            """
            We keep as little about you as we can.

            - **Reading:** we count page views without cookies. Each count keeps a daily key that cannot be traced back to you.
            - **Accounts:** if you sign up, we keep your email address, your display name and what you choose to post.
            - **Comments and votes:** they are kept with your account; deleting your account deletes them too.
            - **Email:** we write to you only about your account and the replies you ask to hear about.

            We sell nothing about you to anyone, and we run no third-party trackers or advertising scripts.
            You can download or delete your data from your account settings at any time.
            """),
    ];

    /// <summary>Adds the pages a slug at a time, so a second start (or a newsroom that already wrote its own About) changes nothing.</summary>
    public static async Task SeedAsync(BroadsheetDb db, DateTime now, CancellationToken ct)
    {
        foreach (var p in Pages)
        {
            if (await db.Pages.AnyAsync(x => x.Slug == p.Slug, ct)) continue;
            var page = new Page
            {
                Title = p.Title, Slug = p.Slug, Description = p.Description, Status = PageStatus.Published,
                InMenu = p.Menu, InFooter = p.Footer, Position = p.Position, CreatedAt = now, UpdatedAt = now, AuthorName = "Demo newsroom",
            };
            page.SetBody(p.Body);
            db.Pages.Add(page);
        }
        await db.SaveChangesAsync(ct);
    }
}
