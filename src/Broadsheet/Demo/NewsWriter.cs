#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

/// <summary>A section of the demo newsroom.</summary>
public sealed record DemoCategory(string Name, string Slug, string Description);

/// <summary>A fictional journalist on the demo masthead.</summary>
public sealed record DemoAuthor(string DisplayName, string Slug, string Bio);

/// <summary>One generated story: headline, standfirst, Markdown body and tag names.</summary>
public sealed record DemoStory(string Title, string Standfirst, string Markdown, IReadOnlyList<string> Tags);

/// <summary>
/// Deterministic generator of fictional news stories for the demo newsroom and benchmark data.
/// Every person, place, company and quotation is invented. Output is a pure function of the seed
/// and the sequence of calls. Instances are not thread-safe.
/// </summary>
public sealed partial class NewsWriter
{
    // ------------------------------------------------------------------------------------------
    // Public surface
    // ------------------------------------------------------------------------------------------

    private static readonly DemoAuthor[] AuthorList =
    [
        new("Mara Okafor", "mara-okafor",
            "Mara Okafor is Broadsheet's chief political correspondent. She has covered six general elections and still takes notes in shorthand."),
        new("Tobias Wrenfield", "tobias-wrenfield",
            "Tobias Wrenfield writes about business and the economy, with a particular interest in small firms and supply chains."),
        new("Ines Halloran", "ines-halloran",
            "Ines Halloran is science editor. She trained as a marine biologist before swapping the research vessel for the newsroom."),
        new("Priya Dunmore", "priya-dunmore",
            "Priya Dunmore reports on climate, energy and the coast, and has walked most of the eastern sea wall at least once."),
        new("Callum Ashby", "callum-ashby",
            "Callum Ashby is Broadsheet's sports writer, covering the Northern League and anything else with a scoreboard."),
        new("Selin Varga-Moore", "selin-varga-moore",
            "Selin Varga-Moore is foreign affairs correspondent. She previously reported from Tarrowen and Kestovia."),
        new("Jonah Pettigrew", "jonah-pettigrew",
            "Jonah Pettigrew covers technology and culture. He reviews theatre on weekends and gadgets on weekdays."),
    ];

    public static IReadOnlyList<DemoCategory> Categories { get; } =
        Array.AsReadOnly(Data.All.Select(c => new DemoCategory(c.Name, c.Slug, c.Description)).ToArray());

    public static IReadOnlyList<DemoAuthor> Authors { get; } = Array.AsReadOnly(AuthorList);

    private readonly Random _rng;
    private readonly StringBuilder _sb = new(16 * 1024);
    private readonly StringBuilder _scratch = new(256);
    private readonly string[] _slots = new string[(int)Slot.Count];
    private readonly bool[] _introduced = new bool[3];
    private int[] _order = new int[128];
    private int _orderPos;
    private int _speaker;
    private Tpl? _claim;
    private int _orderLen;

    public NewsWriter(int seed)
    {
        _rng = new Random(seed);
    }

    public DemoStory Write(string categorySlug)
    {
        ArgumentNullException.ThrowIfNull(categorySlug);
        Cat? cat = null;
        foreach (var c in Data.All)
        {
            if (string.Equals(c.Slug, categorySlug, StringComparison.Ordinal))
            {
                cat = c;
                break;
            }
        }
        if (cat is null)
        {
            throw new ArgumentException($"Unknown category slug '{categorySlug}'.", nameof(categorySlug));
        }

        var angle = cat.Angles[_rng.Next(cat.Angles.Length)];
        FillContext(cat, angle);

        int headline = _rng.Next(angle.Headlines.Length);
        var title = RenderLine(angle.Headlines[headline]);
        // Headlines are ordered so that each maps onto a standfirst that tells the same story.
        // A standfirst is a sentence, so it ends with a full stop.
        var standfirst = RenderLine(angle.Standfirsts[headline * angle.Standfirsts.Length / angle.Headlines.Length]) + ".";
        var markdown = WriteBody(cat, angle);
        var tags = PickTags(cat, angle);
        return new DemoStory(title, standfirst, markdown, tags);
    }

    // ------------------------------------------------------------------------------------------
    // Context
    // ------------------------------------------------------------------------------------------

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] SmallNumbers = ["two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private void FillContext(Cat cat, Angle angle)
    {
        Array.Clear(_introduced);
        var s = _slots;
        int t1 = _rng.Next(Data.Towns.Length);
        int t2 = Other(t1, Data.Towns.Length);
        s[(int)Slot.Town] = Data.Towns[t1];
        s[(int)Slot.Town2] = Data.Towns[t2];
        int c1 = _rng.Next(Data.Countries.Length);
        int c2 = Other(c1, Data.Countries.Length);
        s[(int)Slot.Country] = Data.Countries[c1];
        s[(int)Slot.Country2] = Data.Countries[c2];

        int tp1 = angle.TopicFilter is { } filter ? filter[_rng.Next(filter.Length)] : _rng.Next(cat.TopicLong.Length);
        int tp2 = Other(tp1, cat.TopicLong.Length);
        s[(int)Slot.Topic] = cat.TopicLong[tp1];
        s[(int)Slot.TopicS] = cat.TopicShort[tp1];
        s[(int)Slot.Topic2] = cat.TopicLong[tp2];

        int w = _rng.Next(cat.Works.Length);
        s[(int)Slot.WorkPlain] = cat.Works[w];
        s[(int)Slot.Work] = "*" + cat.Works[w] + "*";
        s[(int)Slot.Paper] = Data.Papers[_rng.Next(Data.Papers.Length)].Replace("{town}", Data.Towns[t1], StringComparison.Ordinal);
        s[(int)Slot.Field] = Data.Fields[_rng.Next(Data.Fields.Length)];
        s[(int)Slot.Item] = cat.Items[_rng.Next(cat.Items.Length)];

        s[(int)Slot.Num] = (3 + _rng.Next(46)).ToString(CultureInfo.InvariantCulture);
        s[(int)Slot.Num2] = SmallNumbers[_rng.Next(SmallNumbers.Length)];
        s[(int)Slot.Big] = ((12 + _rng.Next(469)) * 100).ToString("N0", CultureInfo.InvariantCulture);
        s[(int)Slot.Pct] = ((15 + _rng.Next(366)) / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
        s[(int)Slot.Num3] = (5 + _rng.Next(120)).ToString(CultureInfo.InvariantCulture);
        s[(int)Slot.Big2] = ((12 + _rng.Next(469)) * 100 + 50).ToString("N0", CultureInfo.InvariantCulture);
        s[(int)Slot.Pct3] = ((11 + _rng.Next(290)) / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
        s[(int)Slot.Pct2] = ((5 + _rng.Next(95)) / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
        int money = 3 + _rng.Next(898);
        s[(int)Slot.Money] = money >= 100
            ? "£" + (money / 10).ToString(CultureInfo.InvariantCulture) + "m"
            : "£" + (money / 10.0).ToString("0.0", CultureInfo.InvariantCulture) + "m";
        s[(int)Slot.Grand] = "£" + (20 + _rng.Next(880)).ToString(CultureInfo.InvariantCulture) + ",000";
        s[(int)Slot.Jobs] = ((4 + _rng.Next(87)) * 10).ToString(CultureInfo.InvariantCulture);
        s[(int)Slot.Day] = Days[_rng.Next(Days.Length)];
        s[(int)Slot.Month] = Months[_rng.Next(Months.Length)];
        int winner = 1 + _rng.Next(4);
        s[(int)Slot.Score] = winner.ToString(CultureInfo.InvariantCulture) + "-" + _rng.Next(winner).ToString(CultureInfo.InvariantCulture);
        s[(int)Slot.Min] = (2 + _rng.Next(88)).ToString(CultureInfo.InvariantCulture);
        s[(int)Slot.Age] = (19 + _rng.Next(15)).ToString(CultureInfo.InvariantCulture);
        s[(int)Slot.Temp] = (29 + _rng.Next(13)).ToString(CultureInfo.InvariantCulture);

        // Five distinct surnames: three named sources and two players (sport) / extra names.
        Span<int> sur = stackalloc int[5];
        for (int i = 0; i < sur.Length; i++)
        {
            int pick;
            bool clash;
            do
            {
                pick = _rng.Next(Data.Surnames.Length);
                clash = false;
                for (int j = 0; j < i; j++)
                {
                    if (sur[j] == pick) { clash = true; break; }
                }
            } while (clash);
            sur[i] = pick;
        }
        s[(int)Slot.P1] = Data.FirstNames[_rng.Next(Data.FirstNames.Length)] + " " + Data.Surnames[sur[0]];
        s[(int)Slot.P1Sur] = Data.Surnames[sur[0]];
        s[(int)Slot.P2] = Data.FirstNames[_rng.Next(Data.FirstNames.Length)] + " " + Data.Surnames[sur[1]];
        s[(int)Slot.P2Sur] = Data.Surnames[sur[1]];
        s[(int)Slot.P3] = Data.FirstNames[_rng.Next(Data.FirstNames.Length)] + " " + Data.Surnames[sur[2]];
        s[(int)Slot.P3Sur] = Data.Surnames[sur[2]];
        s[(int)Slot.Player] = Data.FirstNames[_rng.Next(Data.FirstNames.Length)] + " " + Data.Surnames[sur[3]];
        s[(int)Slot.Player2] = Data.FirstNames[_rng.Next(Data.FirstNames.Length)] + " " + Data.Surnames[sur[4]];

        // Derived values may reference the slots above (towns, countries, orgs, fields, works).
        var orgs = angle.Orgs ?? cat.Orgs;
        s[(int)Slot.Org] = RenderToString(orgs[_rng.Next(orgs.Length)]);
        s[(int)Slot.Org2] = RenderToString(cat.Orgs2[_rng.Next(cat.Orgs2.Length)]);
        s[(int)Slot.Venue] = RenderToString(cat.Venues[_rng.Next(cat.Venues.Length)]);
        s[(int)Slot.Event] = cat.Events[_rng.Next(cat.Events.Length)];
        s[(int)Slot.P1Title] = RenderToString(angle.P1Title ?? cat.P1Titles[_rng.Next(cat.P1Titles.Length)]);
        s[(int)Slot.P2Title] = RenderToString(cat.P2Titles[_rng.Next(cat.P2Titles.Length)]);
        s[(int)Slot.P3Title] = RenderToString(cat.P3Titles[_rng.Next(cat.P3Titles.Length)]);
    }

    private int Other(int taken, int count)
    {
        int v = _rng.Next(count - 1);
        return v >= taken ? v + 1 : v;
    }
}
