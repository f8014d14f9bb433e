#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    private static partial class Data
    {
        // ------------------------------------------------------------------------------- Business
        private static Cat Business() => new()
        {
            Name = "Business",
            Slug = "business",
            Description = "Companies, markets and the money in your pocket: results, jobs, deals and the wider economy.",
            Orgs = P("Greyline Logistics", "Tidewell Foods", "Quarrystone Bank", "Copperleaf Analytics", "Norrbright Energy", "Halden Freight",
                "Marlowe & Finch", "Brightwater Retail", "Oakhallow Building Society", "Pellucid Paper", "Saltmarsh Breweries", "Vantry Motors"),
            Orgs2 = P("Kestrel Home Stores", "Harbourline Group", "Fennick & Rowe", "Lowmarsh Dairies", "Bellcastle Insurance", "Yarrowby Print Works"),
            Venues = P("its headquarters in {town}", "the company's plant in {town}", "a distribution centre near {town}"),
            Events = ["the annual shareholder meeting", "a trading update", "an investor day", "a briefing for analysts"],
            Items = ["distribution centres", "high-street branches", "delivery routes", "supplier contracts", "regional offices"],
            Works = ["Counting the Margins", "The Regional Economy Review", "Small Firms, Big Costs", "Shop Floor Outlook"],
            Topics =
            [
                "rising energy and wage costs|rising costs", "a dispute with suppliers over payment terms|a supplier dispute",
                "the move to a four-day working week|a four-day week", "a fall in consumer spending|weaker spending",
                "plans to automate its warehouses|warehouse automation", "a review of executive pay|executive pay",
                "a shortage of skilled staff|staff shortages", "an aggressive new pricing strategy|price cuts",
                "a slowdown in export orders|slowing exports", "higher borrowing costs|dearer borrowing",
            ],
            P1Titles = P("the chief executive of {org}", "the finance director at {org}", "the founder of {org}", "the chair of {org}"),
            P2Titles = P("the regional secretary of the Shopworkers' Guild", "the chief executive of {org2}", "an investor who holds shares in {org}", "a supplier who has worked with {org} for {num2} years"),
            P3Titles = P("an economist at the {town2} Business School", "a retail analyst at Harrow Vane Securities", "a partner at the accountancy firm Dunmore Pryce"),
            Angles =
            [
                new Angle
                {
                    Tag = "Company Results",
                    TopicFilter = [0, 1, 3, 6, 7, 8, 9],
                    Headlines = P("{org} profits fall {pct} per cent as costs bite", "Shares in {org} slide after a profit warning", "{org} cuts its outlook, blaming {topicS}"),
                    Standfirsts = P(
                        "{org} said on {day} that quarterly profit had fallen {pct} per cent, blaming {topic}, and warned that trading would remain difficult until at least {month}.",
                        "Shares in {org} fell sharply after the company cut its profit forecast, the second downgrade this year, citing {topic} and cautious customers."),
                    Leads = P(
                        "{org} reported a {pct} per cent fall in quarterly profit on {day}, the clearest sign yet of the toll taken by {topic}.",
                        "Shares fell by more than {pct2} per cent in early trading.",
                        "{p1a} told analysts that the second half of the year would be “a test of discipline”."),
                },
                new Angle
                {
                    Tag = "Company Results",
                    TopicFilter = [0, 1, 3, 6, 8, 9],
                    Headlines = P("{org} reports {pct} per cent rise in quarterly sales", "{org} beats forecasts despite {topicS}", "Strong quarter lifts {org} shares to a record high"),
                    Standfirsts = P(
                        "{org} reported a {pct} per cent rise in sales for the quarter on {day}, beating analysts' forecasts despite {topic}, and raised its outlook for the full year.",
                        "A better than expected quarter at {org} sent its shares to a record high, with the company crediting tight cost control and strong demand at its {town} operation."),
                    Leads = P(
                        "{org} beat expectations with a {pct} per cent rise in quarterly sales, despite {topic}, a problem that has hurt several of its rivals.",
                        "The company raised its full-year forecast for the second time since {month}.",
                        "{p1a} credited staff at {venue} for what was described as “our best quarter in a decade”."),
                },
                new Angle
                {
                    Tag = "Jobs",
                    TopicFilter = [0, 3, 4, 7, 8, 9],
                    Headlines = P("{org} to cut {jobs} jobs at its {town} site", "{jobs} jobs at risk as {org} reviews {town} operation", "Union warns of strike over {org} plans for {town}"),
                    Standfirsts = P(
                        "{org} has told staff that up to {jobs} jobs at its {town} site could go by {month} as part of a review prompted by {topic}, in a blow to one of the area's biggest employers.",
                        "The Shopworkers' Guild says it will ballot members for industrial action after {org} confirmed plans that could cost up to {jobs} jobs in {town}."),
                    Leads = P(
                        "Up to {jobs} jobs are at risk at {org} after the company announced a review of its operation in {town}.",
                        "Staff were told of the plans at a series of meetings on {day} morning.",
                        "The company blamed {topic} and said no final decisions had been taken."),
                },
                new Angle
                {
                    Tag = "Mergers And Acquisitions",
                    Headlines = P("{org} agrees {money} deal to buy {org2}", "Regulator to examine {org} bid for {org2}", "{org} and {org2} confirm merger talks worth {money}"),
                    Standfirsts = P(
                        "{org} has agreed to buy {org2} in a deal worth {money}, creating one of the largest groups of its kind, though the takeover still needs approval from the Market Standards Board.",
                        "The proposed combination of {org} and {org2}, valued at {money}, would bring together two of the best-known names in the region and is likely to face close scrutiny."),
                    Leads = P(
                        "{org} has agreed a {money} deal to buy {org2}, ending weeks of speculation about the future of the smaller firm.",
                        "The boards of both companies have recommended the offer to shareholders.",
                        "{p1a} said the combined group would be “stronger, leaner and better placed to invest”."),
                },
                new Angle
                {
                    Tag = "Investment",
                    Headlines = P("{org} invests {money} in a new plant near {town}", "{town} wins {money} factory as {org} expands", "{org} to create {jobs} jobs with new {town} site"),
                    Standfirsts = P(
                        "{org} will spend {money} on a new facility near {town}, creating around {jobs} jobs over the next two years, in one of the largest private investments the area has seen.",
                        "Local leaders in {town} have welcomed a {money} investment by {org}, which says the new site will employ {jobs} people once it is fully running."),
                    Leads = P(
                        "{org} is to build a {money} facility on the outskirts of {town}, creating around {jobs} jobs.",
                        "Construction is expected to start in {month}, subject to planning permission.",
                        "{p1a} said the company had looked at {num2} possible locations before choosing {town}."),
                },
            ],
            Body = P(
                "Revenue for the quarter came in at {money}, compared with analysts' forecasts of slightly less.",
                "Operating margins narrowed by {pct2} percentage points.",
                "The company employs around {big} people, most of them in the north.",
                "Shares in {org} have fallen by {pct} per cent since the start of the year.",
                "{p3a} said investors would want to see evidence that the cost savings were sustainable.",
                "{org} has closed {num2} of its {item} in the past eighteen months.",
                "Net debt stood at {money} at the end of the period.",
                "The company said it would maintain its dividend.",
                "Suppliers have complained for some time about delays in payment.",
                "Competition in the sector has intensified as {org2} has cut prices.",
                "{p2a} said staff had heard about the plans from the news before they heard from managers.",
                "The Shopworkers' Guild represents about {num} per cent of the workforce at the site.",
                "Analysts had expected a weaker set of numbers.",
                "Consumer confidence figures published last week showed a modest improvement.",
                "The business was founded in {town} more than {num} years ago as a family firm.",
                "Energy costs alone rose by {pct} per cent on the same period a year earlier.",
                "The company is investing in automation at several of its {item}.",
                "Inflation has eased in recent months but remains above the level most economists regard as comfortable.",
                "{org} did not say how many of the affected roles could be redeployed.",
                "Interest rates are expected to stay on hold until at least {month}.",
                "The chief financial officer declined to give guidance beyond the current year.",
                "Trading in the first weeks of the new quarter was described as “in line with expectations”.",
                "The company's order book stood at {money} at the end of the quarter.",
                "Online sales now account for nearly a third of the total.",
                "{org} said it had found savings of {money} through changes to its supply chain.",
                "Staff at the {town} site were offered a one-off payment earlier this year.",
                "Freight costs have come down from last year's highs but remain volatile.",
                "Some investors have questioned the size of the bonus paid to senior managers.",
                "The firm's last big acquisition, {num2} years ago, took longer to integrate than expected.",
                "Prices on the company's best-selling lines have been held for {num2} months.",
                "{p3a} said the results pointed to a business in transition.",
                "Recruitment has been paused at head office."
            ),
            C1 = P(
                "the company was in a stronger position than it had been a year ago",
                "the cost savings were on track and would be completed by {month}",
                "the board remained confident in the long-term strategy",
                "customers were shopping more carefully but had not stopped spending",
                "the company would continue to invest in {town}",
                "talks with suppliers had been constructive"
            ),
            C2 = P(
                "staff had been kept in the dark for too long",
                "shareholders deserved a clearer explanation of the strategy",
                "smaller suppliers were being squeezed to protect margins",
                "the union would seek urgent talks with management",
                "executive pay had risen while wages had stood still",
                "the company's promises on jobs had been broken before"
            ),
            C3 = P(
                "the sector as a whole was facing a difficult year",
                "the market had already priced in much of the bad news",
                "the company's balance sheet gave it more room than its rivals",
                "consumer spending was likely to recover slowly rather than sharply",
                "the deal made strategic sense but would be hard to deliver",
                "interest rates would shape the outlook more than anything the company did"
            ),
            Q1 = P(
                "We are taking difficult decisions now so that we do not have to take harder ones later",
                "Our customers are under pressure and we have to be honest about that",
                "The fundamentals of this business are strong",
                "We have a long history in {town} and we intend to stay",
                "This is about investing for the next twenty years, not the next twenty weeks"
            ),
            Q2 = P(
                "Our members have given years to this company and deserve better than a press release",
                "We will look at every option to protect these jobs",
                "Shareholders have been patient, but patience has a limit",
                "Small suppliers are the ones who end up carrying the risk",
                "Nobody has yet explained where the savings are actually coming from"
            ),
            Q3 = P(
                "The whole sector is squeezed between higher costs and nervous customers",
                "The numbers are better than feared, which is not the same as good",
                "This looks like a business preparing for a tougher year",
                "The market has rewarded companies that cut costs early",
                "Consolidation in this industry was always a matter of when, not if"
            ),
            Closers = P(
                "{org} will publish full-year results in {month}.",
                "The company is due to update investors at {event} in {month}.",
                "Consultation with staff is expected to last at least {num2} weeks.",
                "Shares closed the day {pct2} per cent lower."
            ),
            BulletIntros = P("The headline figures:", "In numbers:", "What the company announced:"),
            Bullets = P(
                "**Revenue:** {money} for the quarter",
                "**Profit:** down {pct} per cent on last year",
                "**Jobs:** up to {jobs} roles affected",
                "**Dividend:** held at last year's level",
                "**Debt:** net borrowing of {money}",
                "**Outlook:** trading expected to remain “challenging” until {month}",
                "**Shares:** down {pct2} per cent on the day"
            ),
            Subheads = ["The numbers behind the headline", "What it means for staff", "Pressure from rivals", "The view from the market", "A test for the board", "What comes next"],
            Tags = ["Company Results", "Jobs", "Retail", "Mergers And Acquisitions", "Investment", "Inflation", "Interest Rates", "Small Business", "Manufacturing", "Energy Prices", "Trade Unions", "Markets"],
        };
    }
}
