#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    private static partial class Data
    {
        // ----------------------------------------------------------------------------- Technology
        private static Cat Technology() => new()
        {
            Name = "Technology",
            Slug = "technology",
            Description = "Software, gadgets, start-ups and the rules that govern them, explained without the jargon.",
            Orgs = P("Pellucid Systems", "Quillwork Software", "Northgate Devices", "Lumen Harbour", "Tessellate Labs", "Brightmesh",
                "Cinder Robotics", "Orrery Networks", "Wayfinder Mobility", "Stillwater Cloud"),
            Orgs2 = P("Halvane Data", "Sparrowline", "Kitefield Telecom", "the {town2} Coders' Collective", "Ferrule Security"),
            Venues = P("its offices in {town}", "a developer conference in {town}", "its data centre outside {town}"),
            Events = ["a developer conference", "a product launch", "a security briefing", "an investor presentation"],
            Items = ["app updates", "smart meters", "delivery robots", "data centres", "user accounts", "AI assistants"],
            Works = ["Open by Default", "The State of Connected Homes", "Trust and the Machine", "Broadband Beyond the Towns"],
            Topics =
            [
                "a security flaw in its smart doorbells|a doorbell flaw", "a new system for recognising faces in shops|facial recognition",
                "an outage that left customers offline for hours|a major outage", "plans to charge for previously free features|new subscription fees",
                "the use of customer data to train AI models|AI training data", "a shortage of chips for its devices|a chip shortage",
                "a redesign of its flagship app|an app redesign", "a rural broadband rollout|rural broadband",
                "the launch of self-driving delivery vans|driverless vans", "a move to open-source its core software|open-source software",
            ],
            P1Titles = P("the chief executive of {org}", "the head of product at {org}", "the chief technology officer at {org}", "a co-founder of {org}"),
            P2Titles = P("a privacy campaigner with the Open Wires Trust", "a software engineer who has contributed to the project", "a spokesperson for the Digital Standards Office", "a small-business owner in {town} who uses the service"),
            P3Titles = P("a professor of computer science at the University of {town2}", "a security researcher based in {town2}", "an industry analyst at Tallow Research"),
            Angles =
            [
                new Angle
                {
                    Tag = "Cybersecurity",
                    TopicFilter = [0, 1, 2, 4],
                    Headlines = P("{org} apologises after a fault hits {big} users", "{org} under pressure over fault linked to {topicS}", "Regulator questions {org} over {topicS}"),
                    Standfirsts = P(
                        "{org} has apologised to customers after problems linked to {topic} affected an estimated {big} users, and said a full explanation would be published by the end of {month}.",
                        "The Digital Standards Office has asked {org} to explain how {topic} went unnoticed for weeks, as customers in {town} and elsewhere reported problems."),
                    Leads = P(
                        "{org} has apologised after {topic} affected around {big} customers, many of whom only learned of the problem from social media.",
                        "The company said it had fixed the fault by {day} evening.",
                        "{p1a} said the company was “deeply sorry” and would offer affected users a month of free service."),
                },
                new Angle
                {
                    Tag = "Gadgets",
                    TopicFilter = [1, 3, 6, 7, 8, 9],
                    Headlines = P("{org} bets on {topicS} with launch in {town}", "{org} rolls out {topicS} to customers in {num2} countries", "First look: {org} pins its hopes on {topicS}"),
                    Standfirsts = P(
                        "{org} began rolling out {topic} on {day}, starting with customers in {town}, in a launch that {p1}, {p1title}, described as the most important in the company's history.",
                        "After months of teasers, {org} has finally shown off {topic}, and early testers in {town} say it is promising but far from finished."),
                    Leads = P(
                        "{org} unveiled {topic} at {venue} on {day}, promising customers a faster and simpler experience.",
                        "The rollout begins in {town} and will reach other regions by {month}.",
                        "{p1a} spent most of the presentation demonstrating the new features live, with only one visible glitch."),
                },
                new Angle
                {
                    Tag = "Start-Ups",
                    TopicFilter = [1, 4, 6, 7, 8, 9],
                    Headlines = P("{town} start-up {org} raises {money} to expand", "Investors back {org} with {money} funding round", "{org} valuation soars after {money} investment"),
                    Standfirsts = P(
                        "{org}, which was founded in a converted warehouse in {town} {num2} years ago, has raised {money} from investors to pursue {topic} and plans to double its staff within eighteen months.",
                        "A {money} funding round values {org} at several times last year's figure, making it one of the most closely watched young companies outside the capital."),
                    Leads = P(
                        "{org} has raised {money} in a funding round that its founders say will allow the company to grow beyond {town}.",
                        "The money will be spent mainly on hiring engineers and on {topic}.",
                        "The company employs {num} people and has yet to turn a profit."),
                },
                new Angle
                {
                    Tag = "Regulation",
                    TopicFilter = [0, 1, 3, 4],
                    Headlines = P("Digital Standards Office opens inquiry into {org}", "{org} faces regulator inquiry over {topicS}", "Regulator's inquiry into {org} puts {topicS} in the spotlight"),
                    Standfirsts = P(
                        "The Digital Standards Office has opened an inquiry into {org} over {topic}, after receiving more than {big} complaints from customers in the past six months.",
                        "The inquiry into {org} is the first big test of the Digital Standards Office's new powers, and smaller developers in {town} are watching closely to see how {topic} is treated."),
                    Leads = P(
                        "The Digital Standards Office has opened a formal inquiry into {org} following complaints about {topic}.",
                        "The regulator has the power to impose fines of up to {pct2} per cent of annual turnover.",
                        "{org} said it would co-operate fully and was confident it had acted within the rules."),
                },
                new Angle
                {
                    Tag = "Work And AI",
                    TopicFilter = [1, 3, 4, 8, 9],
                    Headlines = P("{org} staff petition bosses over {topicS}", "Open letter from {org} employees criticises {topicS}", "{org} faces staff revolt over {topicS}"),
                    Standfirsts = P(
                        "Staff at {org} have signed an open letter to {p1}, {p1title}, raising concerns about {topic}, in a rare public show of dissent at one of {town}'s best-known employers.",
                        "More than {num} employees of {org} have put their names to a letter questioning {topic}, saying they were not consulted and fear the company is moving too fast."),
                    Leads = P(
                        "More than {num} staff at {org} have signed an open letter objecting to {topic}.",
                        "The letter, seen by this newspaper, was circulated internally on {day} and published online hours later.",
                        "Its authors say they want a pause and a proper consultation rather than a reversal."),
                },
            ],
            Body = P(
                "The company says it has around {big} active users, most of them in the north.",
                "{org} was founded in {town} and still has its largest office there.",
                "Security researchers first flagged the problem in {month}, according to a timeline published by the company.",
                "{p3a} said the episode showed how quickly small design choices can turn into big problems.",
                "The update is being rolled out in stages, starting with a small group of testers.",
                "Some users reported that the app had become slower after the change.",
                "The company has not said how much the project cost, but analysts put the figure at about {money}.",
                "{p2a} said customers deserved clearer explanations of how their data was used.",
                "Competitors including {org2} are working on similar features.",
                "The software is built on open standards, which the company says will make it easier for others to build on.",
                "Engineers at {org} worked through the night to restore service.",
                "Independent testing by this newspaper found the new features worked as described, with a few rough edges.",
                "The Digital Standards Office has previously issued guidance on {topic2}.",
                "Battery life, a common complaint with the previous version, appears to have improved.",
                "{org} says it stores customer data in {num2} data centres, all within the country.",
                "Usage of {item} has grown by {pct} per cent in the past year.",
                "The company's last major update was widely criticised and partly rolled back.",
                "Investors have poured money into the sector, though funding has slowed since {month}.",
                "Several large customers are said to be waiting to see how the rollout goes before committing.",
                "Developers will be able to access the new tools from {month}.",
                "{p1a} said the company would publish a detailed technical report.",
                "The code behind the feature has been released for outside experts to examine.",
                "The company has hired {num3} engineers in {town} over the past year.",
                "Early reviews have praised the design but criticised the price.",
                "{org2} launched a rival product in {month}, to a lukewarm response.",
                "Some customers said they had received no warning before the change.",
                "Accessibility campaigners welcomed the new features.",
                "The company publishes a transparency report twice a year.",
                "Internal testing reportedly ran for {num2} months before launch.",
                "{p2a} said smaller firms would struggle to keep up with the pace of change.",
                "Older devices will not receive the update.",
                "The software is already used by more than {big2} businesses."
            ),
            C1 = P(
                "the company had acted as soon as it became aware of the problem",
                "customer data had never been sold to third parties",
                "the new features had been tested extensively before launch",
                "the company wanted to be judged on what it did next",
                "the engineering team in {town} had done remarkable work",
                "feedback from users would shape the next update"
            ),
            C2 = P(
                "customers had been given too little information too late",
                "the company had ignored earlier warnings from its own staff",
                "regulation was overdue and should have come sooner",
                "the service had become harder to use, not easier",
                "small businesses depended on the service and could not simply switch",
                "the company's privacy settings were confusing by design"
            ),
            C3 = P(
                "the sector was still learning how to handle failures in public",
                "the technology was sound but the rollout had been rushed",
                "regulators were starting to flex their muscles",
                "users tended to forgive outages but not broken promises",
                "the company's rivals would be watching closely",
                "open standards made it easier for outsiders to spot problems"
            ),
            Q1 = P(
                "We got this wrong, and we are going to be open about how it happened",
                "This is the product our customers have been asking us to build",
                "We would rather ship something good today than something perfect next year",
                "Privacy is not an add-on for us, it is part of the design",
                "We started in {town} with four people and a borrowed server, and we have not forgotten that"
            ),
            Q2 = P(
                "People should not have to read forty pages of terms to understand what happens to their data",
                "Nobody asked the staff who will actually have to make this work",
                "Small firms do not have a legal department to deal with rules written for giants",
                "It is fine when it works, but when it fails it fails completely",
                "We raised these concerns months ago and were told there was nothing to worry about"
            ),
            Q3 = P(
                "Every system of this size has flaws; what matters is how quickly they are found and fixed",
                "The technology is impressive, but the business model is still unproven",
                "Regulators are trying to write rules for products that change every few months",
                "This is a sign of a sector growing up",
                "The hard part is not building the feature but earning people's trust in it"
            ),
            Closers = P(
                "{org} says the next update will arrive in {month}.",
                "The regulator is expected to publish its initial findings within {num2} months.",
                "Customers who were affected can contact the company's support line for compensation.",
                "The company will present its plans in more detail at {event} in {month}."
            ),
            BulletIntros = P("What has changed:", "What users need to know:", "The main features are:"),
            Bullets = P(
                "**Who is affected:** around {big} customers",
                "**What to do:** update the app and reset your password",
                "**Cost:** free for existing users until {month}",
                "**Availability:** customers in {town} first, other regions later",
                "**Data:** stored in {num2} data centres within the country",
                "**Accessibility:** larger text and a new high-contrast mode",
                "**Support:** the company's helpline is open seven days a week"
            ),
            Subheads = ["How it happened", "What it means for users", "The competition", "A question of trust", "The regulator's view", "What comes next"],
            Tags = ["Cybersecurity", "Gadgets", "Start-Ups", "Regulation", "Work And AI", "Artificial Intelligence", "Privacy", "Broadband", "Software", "Smartphones", "Data Protection", "Robotics"],
        };
    }
}
