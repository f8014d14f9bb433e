#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    private static partial class Data
    {
        // -------------------------------------------------------------------------------- Climate
        private static Cat Climate() => new()
        {
            Name = "Climate",
            Slug = "climate",
            Description = "Weather, energy and a changing coastline: how the climate is reshaping where we live and work.",
            Orgs = P("the Coastal Defence Board", "the {town} Rivers Trust", "the Regional Water Company", "the Green Transition Office", "the {town} Climate Partnership"),
            Orgs2 = P("the Clear Air Coalition", "the Farmers' Union of the North", "Friends of the {town2} Estuary", "the Wind and Tide Association"),
            Venues = P("the sea wall at {town}", "the flood plain south of {town}", "a community hall in {town}"),
            Events = ["a public consultation", "a flood warning", "the hottest week of the year", "a climate assembly"],
            Items = ["sandbags", "tree saplings", "heat pumps", "solar panels", "flood barriers"],
            Works = ["Holding the Line", "The Warming Valley", "Water in a Dry Year", "Counting Carbon"],
            Topics =
            [
                "a plan to let farmland flood in winter|managed flooding", "a new offshore wind farm|offshore wind",
                "the retreat of the eastern coastline|coastal erosion", "a ban on new gas boilers|the gas boiler ban",
                "heat pumps for council homes|heat pumps", "water restrictions during the summer drought|water restrictions",
                "the restoration of upland peat bogs|peat restoration", "a levy on short-haul flights|a flight levy",
                "the rewilding of the upper valley|rewilding", "rising sea temperatures|warming seas", "a solar farm on former pasture|a solar farm",
            ],
            P1Titles = P("the chief executive of {org}", "the head of adaptation at {org}", "the chair of {org}", "the climate lead at {org}"),
            P2Titles = P("a farmer whose land borders the estuary", "a campaigner with {org2}", "a spokesperson for {org2}", "a resident of {town} whose home flooded twice in {num2} years"),
            P3Titles = P("a climate scientist at the University of {town2}", "a hydrologist who advises several water companies", "an energy economist at the {town2} Policy Unit"),
            Angles =
            [
                new Angle
                {
                    Tag = "Flooding",
                    Headlines = P("Flood warnings issued for {town} as river levels rise", "Heavy rain leaves parts of {town} under water", "Residents in {town} clear up after a second flood in {num2} years"),
                    Standfirsts = P(
                        "More than {num} millimetres of rain fell on {town} in a matter of hours, flooding homes and roads near the river and prompting {org} to warn that the worst may not be over.",
                        "For the second time in {num2} years, residents of {town} are pulling sodden carpets into the street, and asking why the promised flood defences have still not been built."),
                    Leads = P(
                        "Parts of {town} were under water on {day} after more than {num} millimetres of rain fell overnight.",
                        "The river rose by almost two metres in under six hours, according to {org}.",
                        "Volunteers handed out {item} from a community hall as the water crept towards the high street."),
                },
                new Angle
                {
                    Tag = "Heatwaves",
                    TopicFilter = [5],
                    Headlines = P("Temperatures hit {temp}C in {town} as heatwave tightens its grip", "Reservoirs serving {town} fall to {pct} per cent of capacity", "Water restrictions loom for {town} after the driest spring on record"),
                    Standfirsts = P(
                        "Temperatures reached {temp}C in {town} on {day} and reservoirs serving the area are at {pct} per cent of capacity, prompting {org} to warn that restrictions on water use may follow within weeks.",
                        "After the driest spring in records going back more than a century, {town} faces the prospect of {topic}, and farmers say some crops are already lost."),
                    Leads = P(
                        "The temperature in {town} reached {temp}C on {day}, the highest reading of the year so far.",
                        "Reservoirs serving the area are at {pct} per cent of capacity, well below the average for the time of year.",
                        "{org} has urged households to take shorter showers and leave lawns to go brown."),
                },
                new Angle
                {
                    Tag = "Renewable Energy",
                    TopicFilter = [0, 1, 4, 6, 10],
                    Headlines = P("Plans for {topicS} near {town} divide local opinion", "{money} scheme for {topicS} gets the green light", "Approval for {topicS} near {town} sparks legal challenge"),
                    Standfirsts = P(
                        "A {money} scheme for {topic} near {town} has been approved, with backers promising lower bills and cleaner air and opponents warning of lasting damage to the landscape.",
                        "Residents of {town} are split over {topic}, a {money} project that supporters call overdue and critics say was pushed through with too little consultation."),
                    Leads = P(
                        "Plans for {topic} on land near {town} have been approved, despite objections from some residents.",
                        "The {money} project is expected to supply power to around {big} homes.",
                        "{p1a} said the scheme would “pay for itself many times over”."),
                },
                new Angle
                {
                    Tag = "Emissions",
                    TopicFilter = [1, 3, 4, 7, 10],
                    Headlines = P("{town} misses emissions target by {pct} per cent", "Report finds {town} behind on climate promises", "Climate plan for {town} criticised as too slow"),
                    Standfirsts = P(
                        "{town} cut its emissions by far less than promised over the past {num2} years, according to a report published on {day}, which blames slow progress on {topic}.",
                        "An independent review of the climate plan for {town} says the targets are sound but the delivery is not, with {topic} singled out as a particular disappointment."),
                    Leads = P(
                        "{town} has missed its own target for cutting emissions by {pct} per cent, according to a report published on {day}.",
                        "The report, titled {work}, blames slow progress on {topic}.",
                        "{p1a} said the findings were disappointing but not surprising."),
                },
                new Angle
                {
                    Tag = "Nature",
                    TopicFilter = [0, 6, 8],
                    Headlines = P("Restoration work begins on {topicS} near {town}", "{town} bets on nature to hold back rising waters", "Volunteers plant {big} trees along the river at {town}"),
                    Standfirsts = P(
                        "Work has started on {topic} near {town}, a project that {org} says will store carbon, slow floodwater and bring back wildlife that has been missing for decades.",
                        "Volunteers have planted {big} saplings along the river above {town}, the first stage of a plan to use woodland and wetland rather than concrete to protect homes from flooding."),
                    Leads = P(
                        "Work has begun on {topic} in the hills above {town}, part of a ten-year plan to restore the landscape.",
                        "Volunteers have already planted thousands of {item} along the riverbanks.",
                        "{p1a} said the aim was to “slow the water down before it reaches anyone's front door”."),
                },
            ],
            Body = P(
                "#04 {town} has flooded {num2} times in the past twenty years, according to local records.",
                "#0 The flood defences were last upgraded more than {num} years ago.",
                "Average temperatures in the region have risen by more than a degree since records began.",
                "#01 {p3a} said events of this kind were becoming more frequent and more intense.",
                "#0 Insurance premiums for homes near the river have risen sharply.",
                "#24 The project is expected to cost {money}, most of it from public funds.",
                "#024 Farmers in the area say they are willing to help but need compensation for lost land.",
                "{p2a} said the community had been waiting years for action.",
                "#1 {org} says it has reduced leakage from its pipes by {pct} per cent since {month} last year.",
                "#23 Sales of {item} in the region have doubled in two years.",
                "#04 The coastline near {town} has retreated by several metres in a decade.",
                "#34 Peat bogs store large amounts of carbon when they are kept wet.",
                "#04 The scheme includes new wetlands designed to hold back floodwater.",
                "#3 Emissions from transport have barely fallen, the report found.",
                "#01 The weather service has issued {num2} warnings for the region this year.",
                "#4 Wildlife surveys recorded {num} species of birds on the restored site within a year.",
                "#0 Several homes on the lowest streets have been raised on stilts.",
                "#0 Local schools have started teaching children what to do in a flood.",
                "#04 The sea wall was built in the nineteenth century and was never designed for today's storms.",
                "#23 Campaigners say the government's targets are ambitious but the funding is not.",
                "{p1a} said the cost of doing nothing would be far higher.",
                "#0 Rainfall in {month} was {pct} per cent above the long-term average.",
                "#0 The river gauge at {town} recorded its highest reading since records began.",
                "#0 Emergency crews pumped water from basements throughout the night.",
                "#0 Several roads remain closed and a local school has been turned into a rest centre.",
                "#1 Hosepipe use is already banned in {num2} neighbouring districts.",
                "#1 Farmers report that some fields are too dry to plough.",
                "#24 The scheme has been under discussion for more than {num2} years.",
                "#0 Local volunteers have formed a flood action group with more than {num3} members.",
                "#0 {p2a} said insurers had refused to renew several policies on the street.",
                "#2 The wind turbines would be visible from much of the coast.",
                "#23 Energy bills for a typical household have risen sharply in the past two years.",
                "#1 Hospitals in {town} have reported a rise in admissions for heat-related illness.",
                "#1 Some schools have moved sports day to the early morning.",
                "#1 Grass fires have been reported on the moors above {town}.",
                "#1 The water company has asked customers to report leaks as quickly as possible.",
                "#1 River levels are so low in places that fish have had to be moved.",
                "#1 Night-time temperatures have barely dropped below 20C for a week.",
                "#2 The developer says construction would take about {num2} years.",
                "#2 A community benefit fund would pay {grand} a year to local projects.",
                "#2 The grid connection alone is expected to cost several million pounds.",
                "#3 Buildings account for a large share of the town's emissions, the report said.",
                "#3 Only a small fraction of council homes have so far been fitted with heat pumps."
            ),
            C1 = P(
                "the scheme would protect homes for decades to come",
                "the authority had learned lessons from the last flood",
                "the cost of inaction would be far higher than the cost of the work",
                "residents would be consulted at every stage",
                "the target was still achievable with the right support",
                "nature-based solutions were part of the answer, not all of it"
            ),
            C2 = P(
                "promises of new defences had been made many times before",
                "local people had been left to cope largely on their own",
                "insurance had become unaffordable for some households",
                "the landscape would be changed for ever",
                "the targets were meaningless without money to meet them",
                "farmers were being asked to carry too much of the burden"
            ),
            C3 = P(
                "extreme weather of this kind was becoming more frequent",
                "the region was warming faster than the national average",
                "the science on wetland restoration was encouraging",
                "adaptation would cost more the longer it was delayed",
                "the energy transition was happening faster than many expected",
                "the long-term trend mattered more than a single season"
            ),
            Q1 = P(
                "We cannot build walls high enough to keep out every flood, so we have to work with the landscape",
                "This is the single biggest investment in the area's resilience for a generation",
                "Every household that saves a little water makes a real difference",
                "We are behind where we wanted to be, and I will not pretend otherwise",
                "The science is clear and the choices are ours"
            ),
            Q2 = P(
                "We have been promised new defences three times and we are still bailing out our kitchens",
                "Nobody asked the people who actually live and farm here",
                "It is all very well planting trees, but my insurance has tripled",
                "The plan is fine on paper, but paper does not stop water",
                "Our children will ask why we waited so long"
            ),
            Q3 = P(
                "What used to be a once-in-a-century event is now something we plan for every decade",
                "The cheapest carbon to deal with is the carbon we never emit",
                "Natural flood management works best alongside, not instead of, hard defences",
                "The trend over twenty years matters more than any single summer",
                "Adaptation is no longer optional for towns like {town}"
            ),
            Closers = P(
                "A public consultation on the next phase opens in {month}.",
                "{org} will publish an updated assessment in {month}.",
                "Residents can check the latest flood warnings on the council's website.",
                "Work on the first stage is expected to finish by {month}."
            ),
            BulletIntros = P("The plan in numbers:", "What residents are being asked to do:", "Key facts:"),
            Bullets = P(
                "**Cost:** {money}, mostly from public funds",
                "**Homes protected:** around {big}",
                "**Trees planted:** {big} so far",
                "**Rainfall:** {num} millimetres in a single day",
                "**Reservoir levels:** {pct} per cent of capacity",
                "**Timetable:** the first phase finishes in {month}",
                "**Advice:** keep a bag packed and sign up for flood alerts"
            ),
            Subheads = ["A town on the front line", "Counting the cost", "Working with nature", "The farmers' view", "What the science says", "What comes next"],
            Tags = ["Flooding", "Heatwaves", "Renewable Energy", "Emissions", "Nature", "Drought", "Coastal Erosion", "Wind Power", "Rewilding", "Water", "Adaptation", "Wildlife"],
        };
    }
}
