#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
    // ------------------------------------------------------------------------------------------
    // Word banks. All names, places, organisations and quotations are invented.
    // ------------------------------------------------------------------------------------------

    private static partial class Data
    {
        public static readonly string[] Towns =
        [
            "Wexmoor", "Tallowbridge", "Orrin Falls", "Pellham Cross", "Dunmarrow", "Ashcombe Reach",
            "Fenwick Hollow", "Corrowan", "Brackenford", "Varnhold", "Eastry Mill", "Quillhaven",
            "Marrowgate", "Selbury Down", "Stoneharrow", "Oakhallow", "Greymere", "Cindervale",
            "Rushcombe", "Thistlebury", "Lowmarsh", "Kelderby", "Nettlefield", "Saltings Bay",
            "Harrowick", "Caddon Vale", "Wendleford", "Port Aldric", "Yarrowby", "Copperhythe",
        ];

        public static readonly string[] Countries =
        [
            "Varenland", "Kestovia", "the Halvern Republic", "Dalmorra", "Suvania", "Tarrowen",
            "Olvessa", "Brennmark", "Ostrevia", "Maresh", "Calvadia", "Vellmark", "Zarovia", "Lunessa",
            "Pryzhan", "Aldoria",
        ];

        public static readonly string[] FirstNames =
        [
            "Dana", "Tomas", "Priya", "Ewan", "Lucia", "Marcus", "Ingrid", "Kofi", "Hana", "Rafael",
            "Colette", "Idris", "Marta", "Owen", "Sunita", "Felix", "Nadia", "Gareth", "Aiko", "Ruth",
            "Bram", "Yasmin", "Declan", "Elif", "Jonas", "Amara", "Henrik", "Leona", "Caius", "Teodora",
            "Ravi", "Maeve", "Anselm", "Odile", "Kwame", "Freya", "Lorcan", "Imogen", "Viktor", "Selin",
        ];

        public static readonly string[] Surnames =
        [
            "Whitlock", "Marchetti", "Okonkwo", "Thornbury", "Pemberton", "Halloway", "Achterberg", "Quenell",
            "Farrant", "Dunsmore", "Kowalczyk", "Ashdown", "Brightwater", "Castellane", "Ellery", "Fairhurst",
            "Greaves", "Haddon", "Ingleby", "Jessop", "Kinsella", "Larkspur", "Moraine", "Nettleton",
            "Oduya", "Penhallow", "Rosslyn", "Sallow", "Tregarthen", "Underhill", "Vane", "Wetherell",
            "Yardley", "Zeller", "Adeyemi", "Lindgren", "Rasmussen", "Caraway", "Delmont", "Esterhuys",
        ];

        public static readonly string[] Papers =
        [
            "*The {town} Courier*", "the *{town} Evening Post*", "*The {town} Ledger*", "the *{town} Gazette*",
            "the *Northern Examiner*",
        ];

        public static readonly string[] Fields =
        [
            "marine ecology", "soil chemistry", "astrophysics", "immunology", "glaciology",
            "behavioural neuroscience", "plant genetics", "palaeontology", "epidemiology", "atmospheric physics",
        ];

        public static readonly Tpl[] GenericAll = P(
            "The details were first reported by {paper} earlier in the week.",
            "A fuller report is due to be published in {month}, according to people familiar with the process.",
            "Not everyone in {town} is convinced.",
            "The figures have not been independently verified.",
            "Those close to the discussions describe the mood as tense but businesslike.",
            "Much depends on what happens over the next few weeks.",
            "There was no immediate response from {org2}.",
            "A spokesperson for {org} said it was “too early to draw firm conclusions”.",
            "The timing has raised eyebrows.",
            "It is a story that has been building for some time.",
            "The wider context matters here.",
            "{p3a} warned against reading too much into a single set of numbers."
        );

        public static readonly Tpl[] GenericCivic = P(
            "{p3a} said the picture was more complicated than either side had suggested.",
            "Several people who spoke to this newspaper said they had only learned about {topic} from social media.",
            "Officials declined to comment on the timetable, saying only that work was “progressing”.",
            "In a written statement, {org} said it would “study the findings carefully” before responding in detail.",
            "Questions about {topic} are not new in {town}.",
            "Critics have long argued that the process is too slow and too opaque.",
            "Supporters, meanwhile, point to results elsewhere as evidence that the approach can work.",
            "Earlier drafts seen by this newspaper suggest the plans were scaled back at least twice.",
            "{p1a} acknowledged that mistakes had been made in how the changes were explained.",
            "According to {p3e}, similar efforts elsewhere have taken years to show results.",
            "The issue is likely to resurface before the end of {month}.",
            "For now, the mood in {town} is one of cautious waiting.",
            "Local businesses have been watching closely.",
            "Around {num3} people attended a public meeting on the subject last month, some of them leaving before the end.",
            "The debate has exposed a familiar divide between those who want change quickly and those who fear it.",
            "{p2a} called the announcement “a step in the right direction, but only a step”.",
            "Nobody disputes that something needs to change; the argument is about how, and who pays.",
            "Figures released on {day} show a rise of {pct3} per cent on the same period last year.",
            "That estimate has been questioned by some in {town}, who say it leaves out several significant costs.",
            "{p3a} pointed out that the last comparable attempt, {num2} years ago, was quietly abandoned.",
            "A petition on the subject has gathered more than {big2} signatures.",
            "This newspaper has asked {org} for a breakdown of the figures.",
            "Behind the headlines, there is a quieter story about money.",
            "Few people expect a quick resolution.",
            "{p1a} insisted that the timetable was realistic.",
            "The link with {topic2} has not gone unnoticed.",
            "On the high street in {town}, opinions were mixed.",
            "One shopkeeper, who asked not to be named, said the whole affair had been “handled badly from the start”.",
            "{p2a} said the group would set out its own proposals in the coming weeks.",
            "A similar row in {town2} {num2} years ago ended in a compromise that satisfied almost nobody.",
            "The full document runs to more than {jobs} pages.",
            "Much of the detail was buried in an appendix.",
            "For many in {town}, the issue is less about principle than about day-to-day practicalities."
        );

        public static readonly Tpl[] Frames = P(
            "{sa} said {claim}.",
            "{sa} argued that {claim}.",
            "According to {se}, {claim}.",
            "{sa} told reporters on {day} that {claim}.",
            "Speaking on {day}, {sa} said {claim}.",
            "{sa} was adamant that {claim}.",
            "{sa} suggested that {claim}.",
            "In an interview with {paper}, {sa} said {claim}.",
            "{sa} said it was clear that {claim}.",
            "Pressed on the point, {sa} said {claim}."
        );

        public static readonly Tpl[] GenericClosers = P(
            "A further update is expected after the meeting on {day}.",
            "Whatever happens next, few in {town} expect the argument to end quietly.",
            "Both sides say they remain open to further talks.",
            "{org} is expected to set out its formal response in {month}.",
            "This story will be updated as more information becomes available.",
            "For now, the questions outnumber the answers."
        );

        public static readonly Cat[] All =
        [
            World(), Politics(), Business(), Technology(), Science(), Climate(), Culture(), Sport(),
        ];
    }
}
