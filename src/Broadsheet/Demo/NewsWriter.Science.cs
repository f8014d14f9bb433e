#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    private static partial class Data
    {
        // -------------------------------------------------------------------------------- Science
        private static Cat Science() => new()
        {
            Name = "Science",
            Slug = "science",
            Civic = false,
            Description = "Discoveries, experiments and the people behind them, from the laboratory bench to the field station.",
            Orgs = P("the University of {town}", "the {town} Institute for Marine Research", "the Corrowan Observatory", "the National Soil Laboratory",
                "the {town} Centre for Infectious Disease", "the Brackenford Botanical Institute"),
            Orgs2 = P("the University of {town2}", "the {town2} School of Medicine", "the Natural Enquiry Society", "the Halden Genome Centre"),
            Venues = P("a laboratory in {town}", "a field station near {town}", "the observatory above {town}"),
            Events = ["a conference in Selbury Down", "the journal's latest issue", "a public lecture", "a symposium on field methods"],
            Items = ["soil cores", "blood samples", "tagged seabirds", "test plots", "telescope images", "water samples"],
            Works = ["Annals of Field Science", "Proceedings of the Northern Academy", "Letters in Experimental Medicine", "The Corrowan Review of Biology"],
            Topics =
            [
                "how seabirds navigate in fog|seabird navigation", "a bacterium that breaks down plastic film|plastic-eating bacteria",
                "the link between sleep and memory in older adults|sleep and memory", "a faint signal from a distant galaxy|a galactic signal",
                "drought-resistant strains of wheat|drought-proof wheat", "the decline of wild bee populations|wild bees",
                "a fossil bed uncovered in a disused quarry|a quarry fossil bed", "a new way to detect infections early|early diagnosis",
                "microplastics in river sediment|river microplastics", "how coral recovers after heatwaves|coral recovery",
            ],
            P1Titles = P("a professor of {field} at {org}", "the study's lead author and a researcher at {org}", "a senior lecturer in {field} at {org}"),
            P2Titles = P("a specialist in {field} at {org2} who was not involved in the research", "a researcher at {org2} who reviewed the paper", "the director of {org2}"),
            P3Titles = P("a statistician at the {town2} Methods Unit", "a science policy adviser", "the chair of the Natural Enquiry Society"),
            Angles =
            [
                new Angle
                {
                    Tag = "Research",
                    Headlines = P("Researchers in {town} shed new light on {topicS}", "Large study raises fresh questions about {topicS}", "{num}-year project offers new clues on {topicS}"),
                    Standfirsts = P(
                        "A study from {org}, published in {workPlain}, offers the clearest evidence yet on {topic}, though its authors caution that more work is needed.",
                        "Drawing on {big} measurements collected over {num} years, scientists in {town} say they have a better understanding of {topic}, and of how much remains unknown."),
                    Leads = P(
                        "Scientists at {org} say they have found new evidence about {topic}, in a study published this week in {work}.",
                        "The team analysed {big} measurements gathered over {num} years.",
                        "{p1a} said the results were “more striking than any of us expected”."),
                },
                new Angle
                {
                    Tag = "Discoveries",
                    Headlines = P("Scientists report surprising discovery about {topicS}", "{town} team announces breakthrough on {topicS}", "Unexpected result could change thinking on {topicS}"),
                    Standfirsts = P(
                        "Scientists at {org} say an unexpected result from {num} months of measurements could change how researchers think about {topic}, though they stress the finding has yet to be replicated.",
                        "A team working at {venue} stumbled on a result about {topic} while looking for something else, and has spent the past year trying to prove itself wrong."),
                    Leads = P(
                        "A team at {org} has reported an unexpected finding about {topic}, after {num} months of painstaking measurements.",
                        "The researchers say they spent almost a year checking the result before submitting it for publication.",
                        "{p1a} said the first reaction in the lab had been disbelief."),
                },
                new Angle
                {
                    Tag = "Research Funding",
                    P1Title = Tpl.Parse("the leader of the research group at {org}"),
                    Headlines = P("{town} lab wins {money} to study {topicS}", "Grant worth {money} to fund {num2}-year study of {topicS}", "New {money} centre in {town} will focus on {topicS}"),
                    Standfirsts = P(
                        "{org} has been awarded {money} for a {num2}-year programme on {topic}, which {p1} said would allow the team to hire {num} new researchers.",
                        "A new research centre in {town}, backed by {money} of public and charitable money, will focus on {topic} and is expected to open its doors in {month}."),
                    Leads = P(
                        "{org} has secured {money} to study {topic}, one of the largest grants of its kind awarded this year.",
                        "The money will fund {num} new posts, including several for early-career researchers.",
                        "{p1a} said the award was “a vote of confidence in the whole team”."),
                },
                new Angle
                {
                    Tag = "Research Integrity",
                    Headlines = P("Doubts raised over landmark study on {topicS}", "Researchers fail to replicate key finding on {topicS}", "Authors release raw data behind disputed study on {topicS}"),
                    Standfirsts = P(
                        "A team at {org2} says it cannot reproduce a widely cited result on {topic}, prompting {workPlain} to add a note of concern to the original paper.",
                        "Questions about the statistics behind an influential study of {topic} have led its authors at {org} to release their raw data for others to check."),
                    Leads = P(
                        "A widely cited study on {topic} has been called into question after researchers at {org2} failed to reproduce its central result.",
                        "The original paper, published in {work}, has been cited hundreds of times.",
                        "{p1a} said the team stood by its findings but welcomed scrutiny."),
                },
                new Angle
                {
                    Tag = "Fieldwork",
                    Headlines = P("Field team heads to {town} to settle debate on {topicS}", "Months of fieldwork near {town} begin with {num} scientists", "Scientists set up camp near {town} to study {topicS}"),
                    Standfirsts = P(
                        "A team of {num} researchers has begun a season of fieldwork near {town}, collecting {item} that they hope will help settle a long-running argument about {topic}.",
                        "For the next {num2} months, scientists from {org} will live and work at {venue}, gathering {item} in all weathers in pursuit of answers about {topic}."),
                    Leads = P(
                        "A team of {num} scientists has set up base at {venue} for a season of fieldwork on {topic}.",
                        "Over the coming months they expect to collect several thousand {item}.",
                        "{p1a} said the weather would decide much of the schedule."),
                },
            ],
            Body = P(
                "The study involved {big} measurements and took {num} months to complete.",
                "The researchers used a sample of {num} sites, chosen to represent a range of conditions.",
                "{p2a} said the methods were sound but the sample size was still relatively small.",
                "The findings have been peer reviewed and published in {work}.",
                "Similar work at {org2} produced broadly comparable results.",
                "The team's statistical analysis suggests the effect is unlikely to be a fluke.",
                "Not all scientists are persuaded.",
                "Funding for the work came from a mix of public grants and charitable donations.",
                "{p3a} cautioned that correlation should not be mistaken for cause.",
                "Much of the data was gathered by volunteers, who logged {item} over several seasons.",
                "The laboratory in {town} was refurbished last year with new equipment.",
                "Earlier studies had reached conflicting conclusions about {topic}.",
                "The authors say their next step will be to repeat the experiment at a larger scale.",
                "Results from a follow-up study are expected in {month}.",
                "The raw data has been made publicly available so that others can check it.",
                "{p1a} said the team had been surprised by how consistent the pattern was.",
                "The effect was strongest in samples collected during the summer months.",
                "Researchers in {field} have debated the question for more than {num} years.",
                "The margin of error was around {pct2} per cent, according to the paper.",
                "Some of the equipment had to be designed and built specially for the project.",
                "The team included researchers from {num2} countries.",
                "Graduate students did much of the painstaking work of sorting and labelling {item}.",
                "Each sample was analysed twice, in separate laboratories, to rule out contamination.",
                "The project began almost by accident, when a student noticed an odd pattern in some old data.",
                "The researchers controlled for age, season and location.",
                "A smaller pilot study last year hinted at the same result.",
                "Volunteers contributed thousands of hours to the project without pay.",
                "Some of the most useful data came from records kept by a local naturalists' society since the 1950s.",
                "The paper runs to {num3} pages, including a lengthy appendix on methods.",
                "{p2a} said the next step should be an independent replication.",
                "The authors acknowledge that the study has limitations, including its reliance on a single region.",
                "Equipment failures cost the team several weeks during the first winter.",
                "The findings could eventually inform policy, though the authors say that is some way off.",
                "Funding for the next phase has not yet been secured.",
                "The team's field notes, scanned and published online, run to several thousand pages.",
                "{p1a} said the team had been careful not to overstate the findings.",
                "The work was carried out over {num2} field seasons, some of them in difficult weather.",
                "Early results were presented at a conference last year, where they drew a mixed reception.",
                "The team worked with local landowners to gain access to several of the sites.",
                "Measurements were taken at the same time each day to reduce variation.",
                "A second paper, focusing on the methods, is under review.",
                "Students from {num2} local schools helped with the data collection as part of an outreach programme.",
                "The laboratory's freezers hold samples going back more than twenty years.",
                "Other researchers have already asked to use the dataset.",
                "The most surprising result came from the smallest site in the study.",
                "{org2} is planning a similar study using different methods.",
                "The team hopes to repeat the measurements in {month} next year.",
                "Costs were kept down by reusing equipment from an earlier project."
            ),
            C1 = P(
                "the team had been surprised by the strength of the effect",
                "the data were freely available for anyone who wanted to check them",
                "the study was the largest of its kind to date",
                "the next phase would test the finding in a different region",
                "the result had survived every check the team could think of",
                "the work would not have been possible without long-term funding"
            ),
            C2 = P(
                "the conclusions went further than the data allowed",
                "the study was well designed but needed independent replication",
                "a larger and more varied sample would settle the question",
                "the statistical methods were standard but the interpretation was bold",
                "the finding, if confirmed, would be genuinely important",
                "other groups had seen hints of the same effect"
            ),
            C3 = P(
                "single studies rarely overturned a field on their own",
                "the open release of data should become the norm",
                "long-term monitoring was undervalued by funders",
                "the public should treat early findings with healthy caution",
                "replication failures were a sign of science working, not failing",
                "the question mattered well beyond the laboratory"
            ),
            Q1 = P(
                "We went in expecting to confirm what everyone already believed, and the data simply would not cooperate",
                "This is one piece of a much larger puzzle",
                "The most exciting results are usually the ones that make you check your equipment first",
                "We have tried very hard to prove ourselves wrong, and so far we have not managed it",
                "None of this would have been possible without the volunteers who collected the samples"
            ),
            Q2 = P(
                "It is a careful piece of work, but I would want to see it repeated elsewhere before drawing big conclusions",
                "The sample is impressive, but the analysis makes some bold assumptions",
                "Science moves forward by exactly this kind of disagreement",
                "I would be cautious about how this gets reported",
                "If it holds up, it will force a lot of us to rethink our models"
            ),
            Q3 = P(
                "A single study rarely settles anything, however good it is",
                "The open release of the data is the part that deserves the most praise",
                "Public money for this kind of long-term work has become harder to find",
                "What matters is whether the result survives the next five years of scrutiny",
                "Good science is often slow and undramatic, and that is fine"
            ),
            Closers = P(
                "The team plans to publish a follow-up paper in {month}.",
                "The full dataset is available to other researchers on request.",
                "Fieldwork will resume in {month}, weather permitting.",
                "The findings will be presented at {event} later this year."
            ),
            BulletIntros = P("The study in brief:", "How the research was done:", "Key findings:"),
            Bullets = P(
                "**Sample:** {big} measurements from {num} sites",
                "**Duration:** {num} months of data collection",
                "**Team:** researchers from {num2} institutions",
                "**Margin of error:** about {pct2} per cent",
                "**Published in:** {work}",
                "**Funding:** {money} from public and charitable sources",
                "**Next steps:** a larger follow-up study starting in {month}"
            ),
            Subheads = ["How the study worked", "What the data show", "The doubters", "Why it matters", "Life at the field station", "What comes next"],
            Tags = ["Research", "Discoveries", "Research Funding", "Research Integrity", "Fieldwork", "Biology", "Astronomy", "Medicine", "Ecology", "Genetics", "Oceans", "Fossils"],
        };
    }
}
