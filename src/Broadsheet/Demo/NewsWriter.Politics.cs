#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    private static partial class Data
    {
        // ------------------------------------------------------------------------------- Politics
        private static Cat Politics() => new()
        {
            Name = "Politics",
            Slug = "politics",
            Description = "Councils, parliament and the people who run them, from the town hall to the cabinet table.",
            Orgs = P("{town} Borough Council", "{town} District Council", "the {town} City Assembly", "{town} County Council"),
            Orgs2 = P("the Civic Reform Party", "the Harbour Party", "the Unity Bloc", "the Rural Alliance", "the New Commons Party", "the Greenway Party"),
            Venues = P("{town} Town Hall", "the council chamber in {town}", "the Assembly Rooms in {town}"),
            Events = ["a full council meeting", "the annual budget vote", "a by-election", "a public hearing"],
            Items = ["library opening hours", "street cleaning", "youth services", "road repairs", "bus subsidies", "park maintenance"],
            Works = ["Fair Shares for Every Ward", "A Plan for the Valley", "Balancing the Books", "Homes First"],
            Topics =
            [
                "a proposed tax on empty homes|an empty homes tax", "the redrawing of ward boundaries|new ward boundaries",
                "a plan to merge two hospitals|the hospital merger", "cuts to rural bus routes|bus cuts",
                "a new congestion charge|a congestion charge", "the sale of council-owned farmland|the farmland sale",
                "a freeze on councillors' allowances|an allowances freeze", "changes to school catchment areas|school catchments",
                "a four-day week for council staff|a four-day week", "funding for the harbour sea wall|sea wall funding",
                "a referendum on an elected mayor|a mayoral referendum",
            ],
            P1Titles = P("the leader of {org}", "the mayor of {town}", "the cabinet member for finance at {org}", "the member of parliament for {town} North"),
            P2Titles = P("the leader of the opposition group on {org}", "a councillor for {org2}", "a spokesperson for {org2}", "the chair of the {town} Residents' Association"),
            P3Titles = P("a lecturer in politics at the University of {town2}", "a former council chief executive", "an elections analyst at the {town2} Civic Trust"),
            Angles =
            [
                new Angle
                {
                    Tag = "Local Government",
                    Headlines = P("{town} council approves {topicS} after heated debate", "Councillors in {town} back {topicS} by {num2} votes", "Narrow vote clears the way for {topicS} in {town}"),
                    Standfirsts = P(
                        "Councillors in {town} voted on {day} night to back {topic}, ending months of argument, though opponents say the decision was rushed and will be challenged.",
                        "{p1}, {p1title}, said {topic} would raise money for local services, but members of {org2} warned that residents had not been properly consulted."),
                    Leads = P(
                        "Councillors in {town} have voted to approve {topic}, ending a debate that has divided the chamber since the spring.",
                        "{p1a} told a packed meeting at {venue} on {day} that the plan was “the fairest option on the table”.",
                        "The motion passed by {num2} votes after a session that ran late into the evening."),
                },
                new Angle
                {
                    Tag = "Accountability",
                    Headlines = P("{town} council leader faces calls to quit over {topicS}", "Pressure mounts on {town} council leader over {topicS}", "Opposition calls for inquiry into {topicS} in {town}"),
                    Standfirsts = P(
                        "{p1}, {p1title}, is facing calls to step down after documents showed senior officials were warned about problems with {topic} more than a year ago.",
                        "Opposition councillors in {town} say an independent inquiry is the only way to restore trust after a series of revelations about {topic}."),
                    Leads = P(
                        "The leadership of {org} is under growing pressure after internal emails showed that concerns about {topic} were raised as early as last {month}.",
                        "{p1a} has so far refused to step down, saying the documents had been “taken out of context”.",
                        "The emails were obtained by {paper} and confirmed by two people with knowledge of their contents."),
                    P1Title = Tpl.Parse("the leader of {org}"),
                },
                new Angle
                {
                    Tag = "Elections",
                    Headlines = P("{org2} wins {town} seat in by-election upset", "By-election shock in {town} as {org2} takes the seat", "Turnout of just {pct} per cent recorded in {town} by-election"),
                    Standfirsts = P(
                        "{org2} took the {town} seat with a swing of {pct2} points, a result that will unsettle the council's ruling group and put {topic} at the centre of next year's campaign.",
                        "A low-key campaign in {town} ended with fewer than half of voters turning out, and with candidates on all sides agreeing that {topic} had decided most doorstep conversations."),
                    Leads = P(
                        "{org2} won the by-election in {town} in the early hours of {day}, overturning a majority that had stood for more than a decade.",
                        "The count at {venue} was delayed by almost two hours after a recount was requested in one ward.",
                        "Turnout was {pct} per cent, down on the last contest."),
                },
                new Angle
                {
                    Tag = "Budgets",
                    Headlines = P("{town} sets out {money} budget with cuts to {item}", "Council tax in {town} to rise by {pct2} per cent next year", "{town} budget protects {item} but squeezes reserves"),
                    Standfirsts = P(
                        "{org} has published a {money} budget for the coming year that raises council tax by {pct2} per cent and trims spending on {item}, with further savings promised from {topic}.",
                        "The draft budget for {town} leans heavily on reserves to protect {item}, a choice that {p1}, {p1title}, admitted could not be repeated indefinitely."),
                    Leads = P(
                        "{org} has unveiled a {money} budget that will see council tax rise by {pct2} per cent and spending on {item} reduced.",
                        "{p1a} said the council had been left with “no painless choices” after another year of rising costs.",
                        "The proposals go to a vote of the full council in {month}."),
                },
                new Angle
                {
                    Tag = "Parliament",
                    Headlines = P("Minister promises review of {topicS} after pressure from {town}", "Cross-party pressure wins a review of {topicS}", "Government delays decision on {topicS} until {month}"),
                    Standfirsts = P(
                        "The government has promised a review of {topic} after MPs from several parties, led by the member for {town}, warned that the current approach was failing.",
                        "A decision on {topic} has been pushed back to {month}, prompting accusations from {org2} that ministers are avoiding a difficult choice before the summer recess."),
                    Leads = P(
                        "Ministers have agreed to review {topic} following a cross-party campaign led by MPs whose constituencies include {town}.",
                        "The announcement came during a short and occasionally testy debate on {day}.",
                        "{p2a} said the review was welcome but “months overdue”."),
                },
            ],
            Body = P(
                "The meeting ran for more than {num2} hours and was briefly adjourned after interruptions from the public gallery.",
                "{org} is run by a coalition that holds a majority of just {num2} seats.",
                "Members of {org2} voted against the motion, arguing that it had been rushed through without proper scrutiny.",
                "The council says the change will save around {money} over three years.",
                "Officers' reports presented to councillors warned that the savings depended on several optimistic assumptions.",
                "An amendment that would have delayed the vote by a month was defeated.",
                "Residents in the outlying villages say they feel ignored by decisions taken at {venue}.",
                "{p2a} said the consultation had been “a box-ticking exercise”.",
                "The council received more than {big} responses to its consultation, the largest number on record.",
                "Most of those who responded opposed at least part of the plan.",
                "{p1a} said the council had already changed the proposals in response to public feedback.",
                "The ruling group has faced criticism over {topic2} as well.",
                "Whips on both sides spent much of the afternoon counting votes in the corridors.",
                "The local elections next {month} are expected to be closely fought.",
                "Two councillors abstained, and one left the chamber before the vote.",
                "A legal challenge has not been ruled out by campaigners.",
                "{p3a} said the row reflected wider pressures on local government finance.",
                "Central government funding for {town} has fallen in real terms for most of the past decade.",
                "The opposition has promised to reverse the decision if it wins control of the council.",
                "Cuts to {item} have already been felt in several wards.",
                "The chamber was unusually full, with residents standing at the back of the public gallery.",
                "A report from the council's own scrutiny committee had urged caution.",
                "The council's chief finance officer told members that reserves were at their lowest level for {num2} years.",
                "Opposition councillors staged a brief walkout during the debate.",
                "{p1a} has led the council since the last elections, when the ruling group lost {num2} seats.",
                "Several backbench councillors are understood to have raised concerns in private.",
                "The proposals were changed at the last minute to protect {item} in the poorest wards.",
                "A public question time before the debate ran well over its allotted half hour.",
                "The council's website crashed briefly on {day} as residents tried to read the papers.",
                "Local party activists say the issue has come up on almost every doorstep.",
                "The government has said it will not intervene.",
                "The motion also asks officers to report back on {topic2} by the end of the year."
            ),
            C1 = P(
                "the council had been left with no painless options",
                "every penny of the savings would be reinvested in frontline services",
                "the plans had been scrutinised more thoroughly than any in recent memory",
                "residents would see improvements before the next election",
                "the ruling group had a mandate to take difficult decisions",
                "the council would publish a progress report every six months"
            ),
            C2 = P(
                "the decision had been taken before the consultation closed",
                "the poorest wards would bear the brunt of the cuts",
                "the ruling group had lost touch with ordinary residents",
                "an independent audit of the figures was needed",
                "the timing of the announcement was no accident",
                "the group would force a fresh vote if new evidence emerged"
            ),
            C3 = P(
                "most councils faced the same arithmetic, whatever their politics",
                "turnout at local elections was often decided by exactly this kind of row",
                "the legal position was less clear than either side claimed",
                "similar schemes elsewhere had taken several years to bed in",
                "the council's reserves were healthier than some of its neighbours'",
                "trust, once lost, was hard to rebuild in local politics"
            ),
            Q1 = P(
                "This was never going to be an easy decision, but doing nothing would have cost residents far more",
                "We listened to every submission and changed the plan in several important ways",
                "I understand why people are angry, and I am not going to pretend otherwise",
                "The books have to balance, and they have to balance this year",
                "Every ward in {town} will see the benefit within two years"
            ),
            Q2 = P(
                "Residents were told one thing in the spring and something completely different this week",
                "This is a decision made behind closed doors and announced in a hurry",
                "We will keep asking questions until we get straight answers",
                "People in the villages are always the last to be asked and the first to lose out",
                "If the numbers are as solid as they claim, they should publish them in full"
            ),
            Q3 = P(
                "Councils are being asked to do more with less, and something eventually gives",
                "The numbers are tight but not impossible",
                "What matters now is whether the promised review actually happens",
                "Voters tend to punish confusion more than they punish bad news",
                "This is a local row with national echoes"
            ),
            Closers = P(
                "The proposals return to {venue} for a final vote in {month}.",
                "Councillors will debate the issue again at {event} next month.",
                "{org2} has said it will make the issue central to its campaign at the next election.",
                "The council's scrutiny committee is expected to examine the decision before the end of {month}."
            ),
            BulletIntros = P("The main changes in the plan are:", "Under the proposals:", "The key numbers:"),
            Bullets = P(
                "**Council tax:** up {pct2} per cent for a typical household",
                "**Savings:** {money} over three years, according to the council",
                "**Services:** reductions to {item} in most wards",
                "**Jobs:** around {num} posts will not be filled when staff leave",
                "**Reserves:** the council will draw down {money} from its rainy-day fund",
                "**Timetable:** a final vote is due in {month}",
                "**Consultation:** more than {big} responses were received"
            ),
            Subheads = ["How the vote was won", "The money question", "A divided chamber", "What residents say", "The road to the next election", "What happens next"],
            Tags = ["Local Government", "Elections", "Budgets", "Parliament", "Accountability", "Housing", "Public Transport", "Council Tax", "Health Services", "Education", "Planning", "Democracy"],
        };
    }
}
