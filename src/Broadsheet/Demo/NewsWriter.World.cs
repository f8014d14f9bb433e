#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    private static partial class Data
    {
        // ---------------------------------------------------------------------------------- World
        private static Cat World() => new()
        {
            Name = "World",
            Slug = "world",
            Description = "Diplomacy, conflict and everyday life beyond our borders, from Varenland to Tarrowen.",
            Orgs = P("the foreign ministry of {country}", "the government of {country}", "the interior ministry of {country}", "the presidential office in {country}"),
            Orgs2 = P("the Regional Cooperation Council", "the Northern Seas Compact", "the Continental Relief Agency", "the Coastal States Forum", "the embassy of {country2}"),
            Venues = P("the Palace of Assembly in {town}", "a conference centre on the outskirts of {town}", "the old customs house in {town}"),
            Events = ["emergency talks", "a regional summit", "a donor conference", "a special session of parliament"],
            Items = ["aid convoys", "cross-border ferries", "election observers", "food shipments", "consular staff"],
            Works = ["Bridges Over the Strait", "A Border in Winter", "Counting the Displaced", "The Long Ceasefire"],
            Topics =
            [
                "grain export quotas|grain exports", "fishing rights in the Marrow Strait|fishing rights",
                "a disputed hydroelectric dam on the Selva river|the Selva dam", "visa rules for seasonal workers|seasonal visas",
                "the reopening of the northern border crossing|the border crossing", "the sharing of river water in the dry season|river water",
                "a stalled rail link between the two capitals|the rail link", "the return of displaced families|displaced families",
                "tariffs on steel and timber|steel tariffs", "the future of the joint monitoring mission|the monitoring mission",
            ],
            P1Titles = P("the foreign minister of {country}", "the prime minister of {country}", "the president of {country}", "the interior minister of {country}"),
            P2Titles = P("a senior negotiator for {country2}", "the ambassador of {country2}", "the leader of the opposition in {country}", "a spokesperson for the Continental Relief Agency"),
            P3Titles = P("a researcher at the Institute for Border Studies in {town2}", "a former diplomat who served in {country2}", "a regional analyst based in {town2}"),
            Angles =
            [
                new Angle
                {
                    Tag = "Diplomacy",
                    Headlines = P("{country} and {country2} resume talks on {topicS}", "Talks between {country} and {country2} stall over {topicS}", "Negotiators in {town} report slow progress on {topicS}"),
                    Standfirsts = P(
                        "Negotiators from {country} and {country2} met for {num2} hours in {town} on {day}, with both sides saying {topic} remained the hardest question to settle.",
                        "Officials from {country} and {country2} say talks on {topic} will continue next month, after a week of meetings in {town} produced warm words but little in writing."),
                    Leads = P(
                        "Negotiators from {country} and {country2} sat down in {town} on {day} for the first formal talks in more than a year, with {topic} once again at the top of the agenda.",
                        "{p1a} described the atmosphere as “frank, occasionally difficult, but no longer hostile”.",
                        "Delegations arrived at {venue} shortly after dawn, and the first session overran by almost {num2} hours."),
                },
                new Angle
                {
                    Tag = "Protests",
                    Headlines = P("Thousands march in {town} as anger grows over {topicS}", "Police and protesters clash outside parliament in {town}", "{country} declares curfew in {town} after {num2} nights of unrest"),
                    Standfirsts = P(
                        "Tens of thousands of people marched through {town} on {day}, the largest demonstration in {country} for a decade, as anger over {topic} spilled onto the streets.",
                        "Authorities in {country} have imposed a curfew on parts of {town} after {num2} nights of protest over {topic}, with the government accusing organisers of stoking unrest."),
                    Leads = P(
                        "Crowds filled the central boulevards of {town} on {day}, chanting and waving hand-painted banners, in the largest show of public anger {country} has seen in years.",
                        "Organisers said more than {big} people took part; the police put the figure far lower.",
                        "Shops along the main square pulled down their shutters by early afternoon as the crowds continued to grow."),
                },
                new Angle
                {
                    Tag = "Humanitarian Aid",
                    Headlines = P("Flooding in northern {country} forces {big} people from their homes", "{country} appeals for help as floodwaters rise around {town}", "Aid convoys reach {town} after a week of flooding"),
                    Standfirsts = P(
                        "Relief agencies say at least {big} people have been displaced by flooding around {town}, and warn that food and clean water are running short in outlying villages.",
                        "The first aid convoys reached {town} on {day}, a week after floodwaters cut the city off, but agencies say the needs in northern {country} far outstrip what has arrived."),
                    Leads = P(
                        "The first lorries carrying food, water and medicine crossed the swollen river into {town} on {day}, more than a week after the floods began.",
                        "Officials in {country} say at least {big} people have been forced from their homes, many of them now sheltering in schools and sports halls.",
                        "Roads into the north of {country} remain cut in several places, and some villages can still only be reached by boat."),
                },
                new Angle
                {
                    Tag = "Diplomacy",
                    Headlines = P("{country} recalls envoy from {country2} in row over {topicS}", "Diplomatic row deepens between {country} and {country2}", "{country2} expels {num2} diplomats as dispute with {country} escalates"),
                    Standfirsts = P(
                        "{country} has recalled its ambassador from {country2}, the sharpest escalation yet in a dispute over {topic} that has simmered for most of the year.",
                        "The dispute between {country} and {country2} over {topic} has moved from angry statements to expulsions, raising fears that months of quiet diplomacy are unravelling."),
                    Leads = P(
                        "{country} recalled its ambassador from {country2} on {day}, in a move that officials on both sides had privately warned was coming.",
                        "The decision was announced in a short statement from {org}, which accused its neighbour of “repeated bad faith” over {topic}.",
                        "{p1a} said the ambassador would return “when there is something worth returning for”."),
                },
                new Angle
                {
                    Tag = "Elections",
                    Headlines = P("Voters in {country} head to the polls in a tight election", "Polling day in {country} caps a bitter campaign over {topicS}", "Early results in {country} point to a hung parliament"),
                    Standfirsts = P(
                        "Polls opened across {country} at dawn on {day}, with the governing coalition and its challengers separated by a handful of points and {topic} dominating the final week of campaigning.",
                        "Early results from {country} suggest no party will win a majority, setting up weeks of negotiation in which {topic} could become the price of any coalition deal."),
                    Leads = P(
                        "Queues formed outside polling stations in {town} well before they opened on {day}, in an election that few in {country} are willing to call.",
                        "The final opinion polls put the two main blocs within {pct2} points of each other.",
                        "Turnout by midday was reported at {pct} per cent, slightly up on the last election."),
                },
            ],
            Body = P(
                "{country} and {country2} share a border of several hundred kilometres, much of it mountainous and lightly policed.",
                "Relations between the two governments have swung between cooperation and suspicion for much of the past decade.",
                "Diplomats say the sticking point remains {topic}, on which neither side has shown much willingness to move.",
                "An earlier agreement, signed in {town2} {num2} years ago, collapsed amid accusations of bad faith.",
                "{event} had been called at short notice, and several delegations arrived without their senior ministers.",
                "Aid workers in {town} describe long queues for water and rising prices for basic goods.",
                "The Continental Relief Agency said it had distributed supplies to around {big} households so far.",
                "Most of the people displaced are women, children and older residents who were unable to leave earlier.",
                "{p2a} accused the government of using {topic} to distract from problems at home.",
                "The government of {country} has rejected that charge.",
                "Trade between the two countries fell by {pct} per cent last year, according to official figures.",
                "Border towns such as {town} have felt the effects most sharply.",
                "{p3a} said the next few weeks would show whether either side was serious about a deal.",
                "Observers from the Coastal States Forum are expected to arrive in {town} within days.",
                "State television in {country} carried only brief reports of the events.",
                "Independent journalists in {town} say they have been turned away from several sites.",
                "The foreign ministry summoned {country2}'s envoy for what it called “an urgent conversation”.",
                "Opposition parties in {country} have called for a debate in parliament.",
                "Many families in {town} have relatives on both sides of the border.",
                "The last census counted about {big} people in the surrounding district.",
                "A joint statement, drafted overnight, was still being argued over by mid-morning.",
                "Ferries between the two coasts have run at reduced frequency since {month}.",
                "Fuel prices in {town} have almost doubled since {month}, according to traders in the central market.",
                "Diplomats from {num2} other countries have offered to mediate.",
                "The road between {town} and the border was closed for several hours on {day} after a landslide.",
                "{p1a} spent the morning in meetings with senior ministers before speaking to reporters.",
                "Schools in parts of {town} remain closed.",
                "Satellite images published by an independent monitoring group appear to show new construction near the frontier.",
                "A curfew imposed last month has been partly lifted.",
                "The currency of {country} has lost {pct2} per cent of its value against its neighbour's since the spring.",
                "Radio stations in {country2} carried a very different account of events.",
                "A senior official, speaking on condition of anonymity, said the government wanted “a deal, not a photograph”."
            ),
            C1 = P(
                "the government remained committed to a negotiated settlement",
                "{country} had made more concessions in the past year than at any time in the previous decade",
                "the security of the border would not be traded for short-term political gain",
                "aid would continue to flow to {town} for as long as it was needed",
                "the door to further talks remained open",
                "the government would respect the outcome of any independent review"
            ),
            C2 = P(
                "the other side had been negotiating in public while stalling in private",
                "families in {town} were paying the price for a quarrel between capitals",
                "promises made at the last summit had not been kept",
                "{country2} would not accept an agreement that could not be verified",
                "the humanitarian situation was worse than officials admitted",
                "the opposition would demand a full debate when parliament returned"
            ),
            C3 = P(
                "both governments faced elections within two years and were wary of looking weak",
                "the economic cost of the stand-off was rising faster than either side admitted",
                "outside mediators had a better record in the region than was often assumed",
                "the dispute had deep roots in the way the border was drawn",
                "public opinion in both countries was more flexible than the politicians",
                "the next few weeks would be decisive"
            ),
            Q1 = P(
                "We came here to find solutions, not to repeat old arguments",
                "Our position has not changed, and I do not expect it to change this week",
                "The people of {country} want calm, and they want their leaders to deliver it",
                "We have made an offer that is reasonable and we are waiting for a reasonable reply",
                "Nobody in this government takes the situation in {town} lightly"
            ),
            Q2 = P(
                "Every week that passes without a deal costs families on both sides of the border",
                "We were promised a partner in these talks and we have been given a wall",
                "The government is talking about sovereignty while people in {town} are queueing for bread",
                "We will not sign something that cannot be enforced",
                "There is goodwill on our side, but goodwill is not unlimited"
            ),
            Q3 = P(
                "Both governments need a win they can sell at home, and that makes compromise harder",
                "The technical problems are solvable; the political ones are not, at least not yet",
                "History suggests these disputes cool down before they are resolved",
                "The real test is what happens when the cameras leave {town}",
                "Neither side can afford a long stand-off, whatever they say in public"
            ),
            Closers = P(
                "The next round of talks is provisionally scheduled for {month}.",
                "Ministers from both countries are due to meet again on the margins of {event}.",
                "Relief agencies say they will need more money within weeks if the current effort is to continue.",
                "The government of {country} is expected to make a statement to parliament on {day}."
            ),
            BulletIntros = P("The main points under discussion are:", "According to relief agencies, the most urgent needs are:", "What we know so far:"),
            Bullets = P(
                "**Border:** the northern crossing has been closed to commercial traffic since {month}",
                "**Water:** {num} villages are relying on emergency deliveries",
                "**Trade:** exports between the two countries are down {pct} per cent",
                "**People:** an estimated {big} residents have left the area",
                "**Shelter:** schools and sports halls in {town} are being used as temporary housing",
                "**Talks:** no date has been fixed for the next formal round",
                "**Observers:** the Coastal States Forum has offered to send a monitoring team"
            ),
            Subheads = ["A border with a long memory", "What each side wants", "Life in the border towns", "The view from the capital", "Waiting for aid", "What comes next"],
            Tags = ["Diplomacy", "Elections", "Protests", "Humanitarian Aid", "Borders", "Trade", "Human Rights", "Migration", "Foreign Policy", "Conflict", "Refugees", "Regional Security"],
        };
    }
}
