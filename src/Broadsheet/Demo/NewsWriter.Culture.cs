#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    private static partial class Data
    {
        // -------------------------------------------------------------------------------- Culture
        private static Cat Culture() => new()
        {
            Name = "Culture",
            Slug = "culture",
            Civic = false,
            Description = "Theatre, books, music and art: reviews, interviews and the stories behind the shows.",
            Orgs = P("the {town} Playhouse", "the Corrowan Gallery of Modern Art", "the {town} Philharmonic", "the Old Granary Arts Centre", "the {town} Book Festival"),
            Orgs2 = P("the Arts Funding Council", "the {town2} Museum", "the Writers' Guild of the North", "Lantern Street Records"),
            Venues = P("the main stage at {org}", "a converted warehouse in {town}", "the concert hall in {town}"),
            Events = ["opening night", "the spring season", "a sold-out preview", "the festival's closing weekend"],
            Items = ["season tickets", "gallery visitors", "rehearsal rooms", "touring productions", "volunteer ushers"],
            Works = ["The Glass Almanac", "Sixteen Winters at Dunmarrow", "Lanterns for a Drowned Town", "The Orchard Keeper's Ledger",
                "Salt and Static", "Every Bell in Quillhaven", "The Tin Cathedral", "A Kettle for the Lighthouse"],
            Topics =
            [
                "the return of a long-lost painting|a lost painting", "cuts to arts funding|arts funding cuts",
                "a debut novel about a drowned village|a debut novel", "the reopening of a restored theatre|a theatre reopening",
                "a retrospective of a little-known landscape painter|a painter's retrospective", "plans to sell part of the museum's collection|a collection sale",
                "a festival line-up built around local bands|local bands", "ticket prices for the new season|ticket prices",
                "a new concert hall for the harbour district|a new concert hall", "a row over a controversial sculpture|a sculpture row",
            ],
            P1Titles = P("the artistic director of {org}", "the director of {org}", "the chief curator at {org}"),
            P2Titles = P("a critic for {paper}", "a member of the {town} Friends of the Arts", "a spokesperson for {org2}", "a local musician who has played in {town} for years"),
            P3Titles = P("a cultural historian at the University of {town2}", "a former director of {org2}", "an arts economist who advises regional councils"),
            Angles =
            [
                new Angle
                {
                    Tag = "Theatre",
                    Orgs = P("the {town} Playhouse", "the Old Granary Arts Centre", "the Tallowbridge Little Theatre"),
                    Headlines = P("{workPlain} premieres in {town} to warm applause", "Review: {workPlain} brings the old harbour to life", "Sold-out run for {workPlain} extended until {month}"),
                    Standfirsts = P(
                        "{workPlain}, the new production at {org}, opened on {day} to a sold-out house in {town}, and early audiences seem willing to forgive its long second act.",
                        "Ambitious, funny and occasionally baffling, {workPlain} is the boldest thing {org} has staged in years, and the queues for returns suggest {town} has noticed."),
                    Leads = P(
                        "{work} opened at {org} on {day} to a full house and a standing ovation that lasted several minutes.",
                        "The production has been two years in the making and features a cast of {num}.",
                        "{p1a} said the company had “taken a risk and trusted the audience”."),
                    P1Title = Tpl.Parse("the artistic director of {org}"),
                },
                new Angle
                {
                    Tag = "Arts Funding",
                    Headlines = P("Arts venues in {town} face {pct} per cent funding cut", "{org} warns of closure without new funding", "Campaign launched to save {org}"),
                    Standfirsts = P(
                        "{org} says it could close within {num2} months after the Arts Funding Council confirmed a {pct} per cent cut to its grant, leaving a hole of around {grand} in its budget.",
                        "Artists, audiences and local businesses in {town} have launched a campaign to save {org}, warning that its loss would leave the area without a single professional venue."),
                    Leads = P(
                        "{org} has warned that it may have to close after its annual grant was cut by {pct} per cent.",
                        "The venue says it faces a shortfall of about {grand} for the coming year.",
                        "{p1a} said staff had been told to prepare for “every possible outcome”."),
                },
                new Angle
                {
                    Tag = "Festivals",
                    TopicFilter = [4, 6],
                    Headlines = P("{town} festival announces line-up with {num} new commissions", "Record crowds expected as the {town} festival returns", "Festival in {town} adds extra dates after strong demand"),
                    Standfirsts = P(
                        "Organisers of this year's festival in {town} say more than {big} tickets have been sold, with {num} new commissions and a programme built around {topic}.",
                        "The festival in {town} returns next month with a larger site, cheaper tickets for residents and a line-up that its director calls the most varied in its history."),
                    Leads = P(
                        "The festival in {town} will feature {num} new commissions this year, organisers announced on {day}.",
                        "More than {big} tickets have already been sold, a record for this stage of the year.",
                        "The programme runs across {num2} days and several venues, including {venue}."),
                },
                new Angle
                {
                    Tag = "Visual Art",
                    TopicFilter = [0, 4],
                    Orgs = P("the Corrowan Gallery of Modern Art", "the {town} Museum and Art Gallery"),
                    Headlines = P("Lost painting found in a {town} attic goes on display", "Museum in {town} unveils {topicS} after long restoration", "Archive discovery sheds light on a forgotten {town} painter"),
                    Standfirsts = P(
                        "{org} will put on public display a painting that was missing for more than {num} years, after it was found during a house clearance in {town} and identified by a team of conservators.",
                        "A painting last seen in public more than {num} years ago has been restored and will hang in {org} from {month}, after a chance discovery in {town}."),
                    Leads = P(
                        "A painting that disappeared more than {num} years ago has been found in an attic in {town}.",
                        "Conservators at {org} spent {num2} months cleaning and repairing the canvas.",
                        "{p1a} described the moment the signature was confirmed as “one of the best days of my working life”."),
                    P1Title = Tpl.Parse("the chief curator at {org}"),
                },
                new Angle
                {
                    Tag = "Books",
                    Headlines = P("Debut novel set in {town} makes the Lantern Prize shortlist", "Author of {workPlain} on writing about home", "Local author's {workPlain} becomes a surprise bestseller"),
                    Standfirsts = P(
                        "{workPlain}, a first novel by {p1}, has been shortlisted for the Lantern Prize, capping a remarkable year for a book that began as a short story in a {town} writing group.",
                        "{p1} spent {num2} years writing {workPlain} in the back room of a bakery in {town}; now the novel is being read across the country."),
                    Leads = P(
                        "{work}, a debut novel set in and around {town}, has been shortlisted for the Lantern Prize.",
                        "The book has sold more than {big} copies since it was published in {month}.",
                        "{p1a} said the news arrived by text message while they were walking the dog."),
                    P1Title = Tpl.Parse("the author of {workPlain}"),
                },
            ],
            Body = P(
                "#0123 {org} has been a fixture of cultural life in {town} for more than {num} years.",
                "#0 The set, built almost entirely from salvaged timber, is a small marvel.",
                "#0 The first act moves briskly; the second takes its time.",
                "#0 Audiences at {event} were on their feet before the final scene had ended.",
                "#0 {p2a} called it “the most confident work the company has produced”.",
                "#01 Ticket sales have risen by {pct} per cent since the venue introduced cheaper seats for under-25s.",
                "#12 The Arts Funding Council has cut its budget for the region in each of the past {num2} years.",
                "#3 The exhibition includes {num} works, several of which have never been shown in public.",
                "#01 Volunteers run the box office and the café, and without them the venue could not open.",
                "#0 The music, performed live by a small band at the side of the stage, is the evening's secret weapon.",
                "#1 {p3a} said small venues were often the first to feel the effect of funding cuts.",
                "#01 The building was a grain store until the 1970s.",
                "#012 Younger audiences have been drawn in by a series of late-night performances.",
                "#0 Not every choice lands; a long dream sequence in the middle tests the patience.",
                "#4 {work} has been translated into {num2} languages.",
                "#2 The festival began as a single weekend in a field and now takes over much of {town}.",
                "#01 Local schools have been given free tickets to matinee performances.",
                "#0 The lighting design, all amber and shadow, does much of the storytelling.",
                "#0 {p1a} said the company would tour the production to {num2} towns next year.",
                "#0 Several of the performers grew up within a few streets of the venue.",
                "#01 The venue's roof was repaired last year after a fundraising appeal raised {grand}.",
                "#1 {org2} has promised to review its funding decisions in {month}.",
                "#0 The production was rehearsed in a church hall because the theatre's own rooms were being repaired.",
                "#0 Several scenes are performed in near darkness, lit only by hand-held lamps.",
                "#3 Visitor numbers at the gallery have recovered strongly since it reopened.",
                "#4 The author spent years working as a ferry clerk before writing full time.",
                "#04 Critics have been divided, though audiences have been less so.",
                "#1 The venue has launched a crowdfunding appeal to cover the shortfall.",
                "#2 The festival's organisers say around {num3} volunteers help to run it each year.",
                "#012 A programme of free events is aimed at families who have never been to the theatre.",
                "#0 {p2a} described the final scene as “quietly devastating”.",
                "#3 The painting's frame, almost as old as the canvas, has been restored separately.",
                "#02 The music draws on folk songs collected in the villages around {town}.",
                "#2 Local businesses say the festival weekend is the busiest of their year.",
                "#1 The building's acoustics have been praised by visiting musicians.",
                "#4 {p3a} said the region had a long tradition of producing writers who wrote about home.",
                "#0 The run has already been extended by {num2} weeks.",
                "#0 The cast includes several performers from {town} making their professional debuts.",
                "#0 The second half opens with a song that drew spontaneous applause on opening night.",
                "#01 The venue has introduced pay-what-you-can tickets for one night a week.",
                "#0 Rehearsals were filmed for a documentary due to be broadcast next year.",
                "#3 The exhibition catalogue includes essays by {num2} writers.",
                "#3 Some of the letters on display have never been published.",
                "#0 The director says the idea for the production came from a conversation overheard on a bus.",
                "#0 A touring version is planned for village halls across the region.",
                "#4 The novel's cover, designed by a local printmaker, has become a minor talking point of its own.",
                "#0 Box office staff reported queues for returns on most nights.",
                "#01 The venue's bar, run by volunteers, stays open late after performances.",
                "#4 The novel follows three generations of a family who run the ferry between {town} and the mainland.",
                "#4 Early chapters were first read aloud at a monthly writing group in the back room of a pub.",
                "#4 The publisher, a small independent press, has ordered a fourth print run.",
                "#4 Booksellers in {town} say they have struggled to keep copies on the shelves.",
                "#4 Reviewers have praised the book's ear for dialogue and its refusal to sentimentalise the place.",
                "#4 Film rights are understood to have attracted interest from several production companies.",
                "#4 The author still works part-time and writes in the early mornings.",
                "#4 The shortlist will be judged by a panel of {num2} writers and critics.",
                "#3 The painting shows the harbour at low tide, with a handful of figures mending nets.",
                "#3 Conservators used infrared imaging to reveal an earlier sketch beneath the paint.",
                "#3 The artist sold few works in their lifetime and died in relative obscurity.",
                "#3 Old exhibition labels on the back of the canvas helped to confirm its history.",
                "#3 The family who found the painting have agreed to lend it to the gallery for at least {num2} years.",
                "#3 Insurance valuations have not been disclosed.",
                "#3 Entry to the exhibition will be free for residents of {town}.",
                "#2 More than {num3} acts will appear across the weekend.",
                "#2 A new stage has been added by the harbour, with a programme aimed at younger audiences.",
                "#2 Residents of {town} will be offered discounted tickets for the first time.",
                "#2 Organisers say the festival brings about {grand} into the local economy each year.",
                "#2 Camping tickets sold out within hours of going on sale.",
                "#2 Shuttle buses will run from the railway station throughout the weekend.",
                "#1 The venue employs {num3} people, most of them part-time.",
                "#1 A public meeting to discuss the venue's future drew a standing-room-only crowd.",
                "#1 Several other venues in the region are understood to be facing similar cuts."
            ),
            C1 = P(
                "the company had taken a risk and trusted its audience",
                "the venue had survived harder times",
                "the programme was the most ambitious in its history",
                "local artists were at the heart of everything the organisation did",
                "ticket prices had been kept as low as possible",
                "the work was meant to start conversations, not end them"
            ),
            C2 = P(
                "the production was uneven but never dull",
                "the funding decision showed how little the region was valued",
                "the venue had given a start to dozens of young performers",
                "the audience had clearly been moved",
                "the town would be poorer without it",
                "the festival had lost some of its local character as it grew"
            ),
            C3 = P(
                "regional arts organisations had been stretched thin for years",
                "the economic case for local culture was stronger than often assumed",
                "audiences were increasingly looking for work rooted in place",
                "small venues were the training ground for the whole industry",
                "the rediscovery said as much about the art world as about the painter",
                "prizes could transform the career of a first-time author"
            ),
            Q1 = P(
                "Art should not be something you have to travel to the capital to see",
                "We wanted to make something that felt like {town}, with all its weather and stubbornness",
                "Every seat we fill is an argument for the next season",
                "I wrote the book I wanted to read and could not find",
                "We have survived harder times than this, but not by much"
            ),
            Q2 = P(
                "It is uneven, but when it works it is thrilling",
                "Losing this venue would tear the heart out of the town centre",
                "We keep being told culture matters, and then we watch the funding disappear",
                "The audience knew exactly what it was watching, and loved it",
                "I have played here for twenty years and I have never seen it this full"
            ),
            Q3 = P(
                "Every pound spent on a venue like this comes back several times over in the local economy",
                "Regional arts have always lived on a shoestring, but the shoestring is fraying",
                "The best work often comes from places that have to fight to exist",
                "Audiences are more adventurous than funders tend to assume",
                "It is a reminder that the history of art is full of people we simply forgot"
            ),
            Closers = P(
                "{workPlain} runs at {org} until the end of {month}.",
                "Tickets for the festival go on general sale on {day}.",
                "The exhibition opens to the public in {month}, with free entry on the first weekend.",
                "The winner of the Lantern Prize will be announced in {month}."
            ),
            BulletIntros = P("If you go:", "Highlights of the programme include:", "The details:"),
            Bullets = P(
                "**Where:** {venue}",
                "**When:** until the end of {month}",
                "**Tickets:** from £{num}, with concessions available",
                "**Running time:** about two and a half hours, with one interval",
                "**Access:** step-free entry and captioned performances on {day}s",
                "**Also showing:** a programme of free lunchtime concerts",
                "**Family day:** workshops for children on the final weekend"
            ),
            Subheads = ["On stage", "Behind the scenes", "The money problem", "A town and its artists", "What the critics say", "What comes next"],
            Tags = ["Theatre", "Arts Funding", "Festivals", "Visual Art", "Books", "Music", "Museums", "Film", "Heritage", "Poetry", "Dance", "Reviews"],
        };
    }
}
