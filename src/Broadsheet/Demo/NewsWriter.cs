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
public sealed class NewsWriter
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

    // ------------------------------------------------------------------------------------------
    // Body
    // ------------------------------------------------------------------------------------------

    private int DrawTargetWords()
    {
        double r = _rng.NextDouble();
        if (r < 0.15) return 120 + _rng.Next(70);       // short
        if (r < 0.85) return 300 + _rng.Next(480);      // medium
        return 1200 + _rng.Next(560);                   // long
    }

    private string WriteBody(Cat cat, Angle angle)
    {
        var sb = _sb;
        sb.Clear();
        int target = DrawTargetWords();
        bool isLong = target >= 1200;
        int subheads = isLong ? 1 + _rng.Next(2) : 0;
        int nextSubAt = subheads == 2 ? target * 3 / 10 : target * 45 / 100;
        bool wantQuote = _rng.Next(3) == 0;
        bool wantList = _rng.Next(4) == 0;
        int quoteAt = target * (20 + _rng.Next(40)) / 100;
        int listAt = target * (25 + _rng.Next(45)) / 100;
        var quotes = new PoolState();
        var claims = new PoolState();
        uint usedSub = 0;

        ResetOrder(cat, Array.IndexOf(cat.Angles, angle));

        // Lead paragraph: the main news line, usually a supporting lead, then one body sentence.
        int words = Sentence(angle.Leads[0]);
        if (angle.Leads.Length > 1 && _rng.Next(10) < 7)
        {
            sb.Append(' ');
            words += Sentence(angle.Leads[1 + _rng.Next(angle.Leads.Length - 1)]);
        }
        var first = NextBody(cat);
        if (first is not null)
        {
            sb.Append(' ');
            words += Sentence(first);
        }
        sb.Append("\n\n");

        // Body paragraphs. No sentence or quote is used twice in a story; if the word banks run
        // dry before the target is reached, the story simply ends early.
        int closingReserve = target < 250 ? 25 : 45;
        while (words < target - closingReserve)
        {
            if (subheads > 0 && words >= nextSubAt)
            {
                int h = PickUnused(cat.Subheads.Length, ref usedSub);
                sb.Append("## ").Append(cat.Subheads[h]).Append("\n\n");
                subheads--;
                nextSubAt = target * 65 / 100;
                continue;
            }
            if (wantQuote && words >= quoteAt && quotes.Remaining(cat.Q1, cat.Q2, cat.Q3) > 0)
            {
                wantQuote = false;
                words += BlockQuote(cat, ref quotes);
                continue;
            }
            if (wantList && words >= listAt)
            {
                wantList = false;
                words += BulletList(cat);
                continue;
            }

            int sentences = 2 + _rng.Next(3);
            int quoteSlot = _rng.Next(10) < 4 ? _rng.Next(sentences) : -1;
            int written = 0;
            for (int i = 0; i < sentences; i++)
            {
                bool quoteLeft = quotes.Remaining(cat.Q1, cat.Q2, cat.Q3) > 0;
                bool claimLeft = claims.Remaining(cat.C1, cat.C2, cat.C3) > 0;
                Tpl? body = null;
                int kind; // 0 body, 1 quote, 2 reported speech
                if (i == quoteSlot && quoteLeft) kind = 1;
                else if (claimLeft && _rng.Next(5) == 0) kind = 2;
                else if ((body = NextBody(cat)) is not null) kind = 0;
                else if (claimLeft) kind = 2;
                else if (quoteLeft) kind = 1;
                else break;

                if (written > 0) sb.Append(' ');
                words += kind switch
                {
                    0 => Sentence(body!),
                    1 => InlineQuote(cat, ref quotes),
                    _ => ReportedSpeech(cat, ref claims),
                };
                written++;
            }
            if (written == 0) break;
            sb.Append("\n\n");
        }

        // Closing paragraph.
        if (target >= 250 && NextBody(cat) is { } last)
        {
            Sentence(last);
            sb.Append(' ');
        }
        var closers = cat.Civic && _rng.Next(3) == 0 ? Data.GenericClosers : cat.Closers;
        Sentence(closers[_rng.Next(closers.Length)]);
        return sb.ToString();
    }

    private struct PoolState
    {
        public uint Used1, Used2, Used3;
        public int Count;

        public readonly int Remaining(Tpl[] a, Tpl[] b, Tpl[] c) => a.Length + b.Length + c.Length - Count;
    }

    /// <summary>Shuffles the sentences this story may use: the angle's share of the category bank plus generic ones.</summary>
    private void ResetOrder(Cat cat, int angleIndex)
    {
        int n = cat.Body.Length + Data.GenericAll.Length + (cat.Civic ? Data.GenericCivic.Length : 0);
        if (_order.Length < n) _order = new int[n * 2];
        int bit = 1 << angleIndex;
        int len = 0;
        for (int i = 0; i < n; i++)
        {
            if (i >= cat.Body.Length || (cat.Body[i].AngleMask & bit) != 0) _order[len++] = i;
        }
        for (int i = len - 1; i > 0; i--)
        {
            int j = _rng.Next(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
        _orderLen = len;
        _orderPos = 0;
    }

    private Tpl? NextBody(Cat cat)
    {
        if (_orderPos >= _orderLen) return null;
        int k = _order[_orderPos++];
        if (k < cat.Body.Length) return cat.Body[k];
        k -= cat.Body.Length;
        return k < Data.GenericAll.Length ? Data.GenericAll[k] : Data.GenericCivic[k - Data.GenericAll.Length];
    }

    private int PickUnused(int count, ref uint used)
    {
        int limit = Math.Min(count, 32);
        uint full = limit == 32 ? uint.MaxValue : (1u << limit) - 1;
        if ((used & full) == full) used = 0;
        int k;
        do { k = _rng.Next(limit); } while ((used & (1u << k)) != 0);
        used |= 1u << k;
        return k;
    }

    /// <summary>Picks an unused quote, preferring the given speaker; returns the speaker actually used.</summary>
    private Tpl PickQuote(Cat cat, ref PoolState q, out int speaker) => PickFrom(cat.Q1, cat.Q2, cat.Q3, ref q, out speaker);

    private Tpl PickFrom(Tpl[] a, Tpl[] b, Tpl[] c, ref PoolState q, out int speaker)
    {
        speaker = _rng.Next(3);
        for (int attempt = 0; attempt < 3; attempt++, speaker = (speaker + 1) % 3)
        {
            var pool = speaker switch { 0 => a, 1 => b, _ => c };
            ref uint used = ref q.Used1;
            if (speaker == 1) used = ref q.Used2;
            else if (speaker == 2) used = ref q.Used3;
            if (System.Numerics.BitOperations.PopCount(used) >= pool.Length) continue;
            q.Count++;
            return pool[PickUnused(pool.Length, ref used)];
        }
        throw new InvalidOperationException("Word bank exhausted.");
    }

    /// <summary>A paraphrased remark: an attribution frame wrapped around a speaker's claim.</summary>
    private int ReportedSpeech(Cat cat, ref PoolState claims)
    {
        _claim = PickFrom(cat.C1, cat.C2, cat.C3, ref claims, out _speaker);
        int n = Sentence(Data.Frames[_rng.Next(Data.Frames.Length)]);
        _claim = null;
        return n;
    }

    private int InlineQuote(Cat cat, ref PoolState quotes)
    {
        var q = PickQuote(cat, ref quotes, out int speaker);
        var sb = _sb;
        int start = sb.Length;
        Slot refA = speaker switch { 0 => Slot.P1A, 1 => Slot.P2A, _ => Slot.P3A };
        Slot refE = speaker switch { 0 => Slot.P1E, 1 => Slot.P2E, _ => Slot.P3E };
        switch (_rng.Next(3))
        {
            case 0:
                sb.Append('“');
                Render(q);
                sb.Append(",” said ");
                AppendSlot(refE);
                sb.Append('.');
                break;
            case 1:
                AppendSlot(refA);
                sb.Append(" said: “");
                Render(q);
                sb.Append(".”");
                break;
            default:
                sb.Append('“');
                Render(q);
                sb.Append(",” ");
                AppendSlot(refA);
                sb.Append(" added.");
                break;
        }
        return FinishSentence(start);
    }

    private int BlockQuote(Cat cat, ref PoolState quotes)
    {
        var q = PickQuote(cat, ref quotes, out int speaker);
        var sb = _sb;
        int start = sb.Length;
        sb.Append("> “");
        Render(q);
        sb.Append(".”\n>\n> — ");
        Slot name = speaker switch { 0 => Slot.P1, 1 => Slot.P2, _ => Slot.P3 };
        Slot title = speaker switch { 0 => Slot.P1Title, 1 => Slot.P2Title, _ => Slot.P3Title };
        sb.Append(_slots[(int)name]).Append(", ").Append(_slots[(int)title]);
        int words = CountWords(start);
        sb.Append("\n\n");
        return words;
    }

    private int BulletList(Cat cat)
    {
        var sb = _sb;
        int words = Sentence(cat.BulletIntros[_rng.Next(cat.BulletIntros.Length)]);
        sb.Append("\n\n");
        int n = 3 + _rng.Next(3);
        uint used = 0;
        for (int i = 0; i < n; i++)
        {
            int k = PickUnused(cat.Bullets.Length, ref used);
            int start = sb.Length;
            sb.Append("- ");
            Render(cat.Bullets[k]);
            if (sb[start + 2] != '*') sb[start + 2] = char.ToUpperInvariant(sb[start + 2]);
            words += CountWords(start + 2);
            sb.Append('\n');
        }
        sb.Append('\n');
        return words;
    }

    /// <summary>Renders one sentence into the body, capitalises it and returns its word count.</summary>
    private int Sentence(Tpl t)
    {
        int start = _sb.Length;
        Render(t);
        return FinishSentence(start);
    }

    private int FinishSentence(int start)
    {
        var sb = _sb;
        int i = start;
        while (i < sb.Length && (sb[i] == '“' || sb[i] == '*')) i++;
        if (i < sb.Length) sb[i] = char.ToUpperInvariant(sb[i]);
        return CountWords(start);
    }

    private int CountWords(int start)
    {
        var sb = _sb;
        int n = 1;
        for (int i = start; i < sb.Length; i++)
        {
            if (sb[i] == ' ') n++;
        }
        return n;
    }

    private IReadOnlyList<string> PickTags(Cat cat, Angle angle)
    {
        int n = 2 + _rng.Next(3);
        var tags = new List<string>(n) { angle.Tag };
        while (tags.Count < n)
        {
            var t = cat.Tags[_rng.Next(cat.Tags.Length)];
            if (!tags.Contains(t)) tags.Add(t);
        }
        return tags.AsReadOnly();
    }

    // ------------------------------------------------------------------------------------------
    // Template rendering
    // ------------------------------------------------------------------------------------------

    private string RenderLine(Tpl t)
    {
        int start = _sb.Length;
        Render(t);
        while (_sb.Length > start && _sb[_sb.Length - 1] == '.') _sb.Length--;
        if (_sb.Length > start) _sb[start] = char.ToUpperInvariant(_sb[start]);
        var s = _sb.ToString(start, _sb.Length - start);
        _sb.Length = start;
        return s;
    }

    private string RenderToString(Tpl t)
    {
        if (t.Slots.Length == 0) return t.Lits[0];
        var sb = _scratch;
        sb.Clear();
        sb.Append(t.Lits[0]);
        for (int i = 0; i < t.Slots.Length; i++)
        {
            sb.Append(_slots[t.Slots[i]]);
            sb.Append(t.Lits[i + 1]);
        }
        return sb.ToString();
    }

    private void Render(Tpl t)
    {
        var sb = _sb;
        sb.Append(t.Lits[0]);
        for (int i = 0; i < t.Slots.Length; i++)
        {
            AppendSlot((Slot)t.Slots[i]);
            sb.Append(t.Lits[i + 1]);
        }
    }

    private void AppendSlot(Slot slot)
    {
        switch (slot)
        {
            case Slot.P1A: Reference(0, Slot.P1, Slot.P1Sur, Slot.P1Title, true); break;
            case Slot.P1E: Reference(0, Slot.P1, Slot.P1Sur, Slot.P1Title, false); break;
            case Slot.P2A: Reference(1, Slot.P2, Slot.P2Sur, Slot.P2Title, true); break;
            case Slot.P2E: Reference(1, Slot.P2, Slot.P2Sur, Slot.P2Title, false); break;
            case Slot.P3A: Reference(2, Slot.P3, Slot.P3Sur, Slot.P3Title, true); break;
            case Slot.P3E: Reference(2, Slot.P3, Slot.P3Sur, Slot.P3Title, false); break;
            case Slot.SA: AppendSlot(_speaker switch { 0 => Slot.P1A, 1 => Slot.P2A, _ => Slot.P3A }); break;
            case Slot.SE: AppendSlot(_speaker switch { 0 => Slot.P1E, 1 => Slot.P2E, _ => Slot.P3E }); break;
            case Slot.Claim:
                if (_claim is not null) Render(_claim);
                break;
            default: _sb.Append(_slots[(int)slot]); break;
        }
    }

    /// <summary>First mention: full name and title; later mentions: surname only.</summary>
    private void Reference(int who, Slot full, Slot surname, Slot title, bool appositive)
    {
        if (_introduced[who])
        {
            _sb.Append(_slots[(int)surname]);
            return;
        }
        _introduced[who] = true;
        _sb.Append(_slots[(int)full]).Append(", ").Append(_slots[(int)title]);
        if (appositive) _sb.Append(',');
    }

    private enum Slot
    {
        Town, Town2, Country, Country2, Org, Org2, Topic, TopicS, Topic2, Item, Venue, Event, Field,
        Work, WorkPlain, Paper,
        P1, P1Sur, P1Title, P1A, P1E,
        P2, P2Sur, P2Title, P2A, P2E,
        P3, P3Sur, P3Title, P3A, P3E,
        Player, Player2,
        SA, SE, Claim,
        Num, Num2, Num3, Big, Big2, Pct, Pct2, Pct3, Money, Grand, Jobs, Day, Month, Score, Min, Age, Temp,
        Count,
    }

    /// <summary>A pre-parsed template: literal runs interleaved with slot indices.</summary>
    private sealed class Tpl
    {
        public readonly string[] Lits;
        public readonly int[] Slots;

        /// <summary>Bit i set: usable by angle i. A "#024 " prefix restricts a body sentence.</summary>
        public readonly int AngleMask;

        private Tpl(string[] lits, int[] slots, int angleMask)
        {
            Lits = lits;
            Slots = slots;
            AngleMask = angleMask;
        }

        public static Tpl Parse(string text)
        {
            int mask = -1;
            if (text.Length > 0 && text[0] == '#')
            {
                int space = text.IndexOf(' ', StringComparison.Ordinal);
                mask = 0;
                for (int i = 1; i < space; i++) mask |= 1 << (text[i] - '0');
                text = text.Substring(space + 1);
            }
            var lits = new List<string>();
            var slots = new List<int>();
            int pos = 0;
            while (true)
            {
                int open = text.IndexOf('{', pos);
                if (open < 0)
                {
                    lits.Add(text.Substring(pos));
                    break;
                }
                int close = text.IndexOf('}', open);
                if (close < 0) throw new FormatException("Unclosed slot in template: " + text);
                lits.Add(text.Substring(pos, open - pos));
                var key = text.Substring(open + 1, close - open - 1);
                if (!Enum.TryParse<Slot>(key, ignoreCase: true, out var slot) || slot == Slot.Count || char.IsDigit(key[0]))
                {
                    throw new FormatException("Unknown slot '" + key + "' in template: " + text);
                }
                slots.Add((int)slot);
                pos = close + 1;
            }
            return new Tpl(lits.ToArray(), slots.ToArray(), mask);
        }
    }

    private static Tpl[] P(params string[] texts)
    {
        var r = new Tpl[texts.Length];
        for (int i = 0; i < texts.Length; i++) r[i] = Tpl.Parse(texts[i]);
        return r;
    }

    private sealed class Angle
    {
        public required string Tag { get; init; }
        public required Tpl[] Headlines { get; init; }
        public required Tpl[] Standfirsts { get; init; }
        public required Tpl[] Leads { get; init; }
        public Tpl? P1Title { get; init; }
        public int[]? TopicFilter { get; init; }
        public Tpl[]? Orgs { get; init; }
    }

    private sealed class Cat
    {
        public required string Name { get; init; }
        public required string Slug { get; init; }
        public required string Description { get; init; }
        public required Tpl[] Orgs { get; init; }
        public required Tpl[] Orgs2 { get; init; }
        public required Tpl[] Venues { get; init; }
        public required string[] Events { get; init; }
        public required string[] Items { get; init; }
        public required string[] Works { get; init; }
        public string[] TopicLong { get; private set; } = [];
        public string[] TopicShort { get; private set; } = [];
        public required string[] Topics
        {
            init
            {
                TopicLong = new string[value.Length];
                TopicShort = new string[value.Length];
                for (int i = 0; i < value.Length; i++)
                {
                    int bar = value[i].IndexOf('|', StringComparison.Ordinal);
                    TopicLong[i] = value[i].Substring(0, bar);
                    TopicShort[i] = value[i].Substring(bar + 1);
                }
            }
        }
        public required Tpl[] P1Titles { get; init; }
        public required Tpl[] P2Titles { get; init; }
        public required Tpl[] P3Titles { get; init; }
        public required Angle[] Angles { get; init; }
        public required Tpl[] Body { get; init; }
        public required Tpl[] C1 { get; init; }
        public required Tpl[] C2 { get; init; }
        public required Tpl[] C3 { get; init; }
        public required Tpl[] Q1 { get; init; }
        public required Tpl[] Q2 { get; init; }
        public required Tpl[] Q3 { get; init; }
        public required Tpl[] Closers { get; init; }
        public required Tpl[] BulletIntros { get; init; }
        public required Tpl[] Bullets { get; init; }
        public required string[] Subheads { get; init; }
        public required string[] Tags { get; init; }
        public bool Civic { get; init; } = true;
    }

    // ------------------------------------------------------------------------------------------
    // Word banks. All names, places, organisations and quotations are invented.
    // ------------------------------------------------------------------------------------------

    private static class Data
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

        // ---------------------------------------------------------------------------------- Sport
        private static Cat Sport() => new()
        {
            Name = "Sport",
            Slug = "sport",
            Civic = false,
            Description = "Results, fixtures and the stories behind them, from the Northern League to the County Cup.",
            Orgs = P("{town} Rovers", "{town} Athletic", "{town} United", "{town} Harriers", "{town} City"),
            Orgs2 = P("{town2} Rovers", "{town2} Athletic", "{town2} United", "{town2} Harriers", "{town2} Town"),
            Venues = P("the Lowgate Ground in {town}", "the Riverside Stadium in {town}", "Mill Lane in {town}"),
            Events = ["a midweek fixture", "the County Cup semi-final", "the local derby", "the final home game of the season"],
            Items = ["season-ticket holders", "academy players", "home fixtures", "away fans"],
            Works = ["Ninety Minutes in the Rain", "The Mill Lane Years", "Promotion or Bust", "Terrace Voices"],
            Topics =
            [
                "the race for promotion|the promotion race", "a long-term knee injury to the captain|the captain's injury",
                "plans for a new stadium on the edge of town|a new stadium", "a new contract for the head coach|the coach's contract",
                "the club's struggling defence|a leaky defence", "a takeover bid from overseas investors|a takeover bid",
                "the battle against relegation|the relegation fight", "rising ticket prices|ticket prices",
                "the January transfer window|transfers", "a crowded fixture list|the fixture pile-up",
            ],
            P1Titles = P("the head coach of {org}", "the manager of {org}", "the captain of {org}", "the chair of {org}"),
            P2Titles = P("the head coach of {org2}", "the captain of {org2}", "a spokesperson for the {org2} supporters' trust"),
            P3Titles = P("a former {org} captain turned pundit", "a sports economist at the University of {town2}", "the chief executive of the Northern League"),
            Angles =
            [
                new Angle
                {
                    Tag = "Match Reports",
                    Headlines = P("{org} go top with {score} win over {org2}", "{player} on target as {org} beat {org2} {score}", "{org} see off {org2} in front of a home crowd"),
                    Standfirsts = P(
                        "{player} was on the scoresheet as {org} beat {org2} {score} at {venue} on {day}, a result that lifts the side to the top of the Northern League for the first time this season.",
                        "A committed performance from {org} brought a {score} win over {org2}, and {p1}, {p1title}, said afterwards that the squad was finally playing the way it trained."),
                    Leads = P(
                        "{org} moved to the top of the Northern League with a {score} win over {org2} at {venue} on {day}.",
                        "{player} opened the scoring after {min} minutes with a low shot into the far corner.",
                        "{p1a} made {num2} changes to the side but the home team barely missed a beat."),
                    P1Title = Tpl.Parse("the head coach of {org}"),
                },
                new Angle
                {
                    Tag = "Match Reports",
                    Headlines = P("Pressure grows on {org} coach after {score} defeat", "{org} slump to a fourth straight defeat against {org2}", "{org} fans call for change after {score} loss to {org2}"),
                    Standfirsts = P(
                        "{org} were beaten {score} by {org2} at home on {day}, a fourth defeat in a row that has left {p1}, {p1title}, facing awkward questions from supporters and the board.",
                        "Boos rang around {venue} at full time as {org} lost {score} to {org2}, and the club's slide down the table shows no sign of stopping."),
                    Leads = P(
                        "{org} fell to a fourth successive defeat on {day}, losing {score} to {org2} in front of a frustrated home crowd.",
                        "{player2} scored for the visitors after {min} minutes and {org} never recovered.",
                        "{p1a} said afterwards that the team had “no excuses”."),
                    P1Title = Tpl.Parse("the head coach of {org}"),
                },
                new Angle
                {
                    Tag = "Transfers",
                    Headlines = P("{org} complete the signing of {player} from {org2}", "{player} joins {org} in a boost for the promotion push", "{org} land {age}-year-old striker {player} from {org2}"),
                    Standfirsts = P(
                        "{org} have completed the signing of {age}-year-old striker {player} from {org2} for an undisclosed fee, ending a pursuit that {p1}, {p1title}, admitted had taken most of the summer.",
                        "{player} has swapped {org2} for {org}, a move that supporters hope will solve the goalscoring problem that has dogged the side all season."),
                    Leads = P(
                        "{org} have signed striker {player} from {org2} on a three-year contract.",
                        "The {age}-year-old scored {num2} goals in all competitions last season.",
                        "{p1a} said the club had tracked the player for more than a year."),
                },
                new Angle
                {
                    Tag = "Fans",
                    TopicFilter = [2, 3, 5, 7],
                    Headlines = P("{org} fans protest over {topicS}", "{org} board responds to supporter anger over {topicS}", "{org} supporters' trust demands answers on {topicS}"),
                    Standfirsts = P(
                        "Hundreds of {org} supporters gathered outside {venue} before {day}'s game to protest about {topic}, the latest sign of growing unease between the club's fans and its owners.",
                        "The {org} supporters' trust has written to the board demanding a meeting about {topic}, saying fans have been kept in the dark for too long."),
                    Leads = P(
                        "Several hundred {org} supporters marched to {venue} before kick-off on {day} to protest about {topic}.",
                        "Banners reading “Our club, our say” were unfurled in the home end during the first half.",
                        "The club issued a short statement saying it “respects the right of supporters to be heard”."),
                },
                new Angle
                {
                    Tag = "Cup Competitions",
                    Headlines = P("{org} reach County Cup semi-finals with {score} win", "{org} knock {org2} out of the County Cup", "{org2} stunned as {org} march on in the County Cup"),
                    Standfirsts = P(
                        "{org} reached the semi-finals of the County Cup for the first time in {num2} years after a {score} win against {org2}, who had been heavy favourites to go through.",
                        "A disciplined display at {venue} took {org} past {org2} and into the last four of the County Cup, where a trip to a bigger club now awaits."),
                    Leads = P(
                        "{org} beat {org2} {score} on {day} to reach the semi-finals of the County Cup.",
                        "{player} scored the decisive goal with {min} minutes on the clock.",
                        "It is the first time the club has come this far in the competition for {num2} years."),
                },
            ],
            Body = P(
                "#014 {org} started brightly and had the ball in the net early on, only for the goal to be ruled out for offside.",
                "#0134 The crowd of {big} was the largest at {venue} this season.",
                "#014 {player2} went close with a curling effort that clipped the crossbar.",
                "#014 The visitors had more of the ball but created little.",
                "#014 {p1a} was forced into a change at half-time after an injury to the left-back.",
                "{org} have now won {num2} of their last ten league games.",
                "#014 The second half was scrappy, with {num2} bookings and few clear chances.",
                "#014 {p2a} said the referee had missed a clear penalty just before the break.",
                "#014 The goalkeeper made two fine saves in the final ten minutes to protect the lead.",
                "Ticket prices at {venue} have risen by {pct} per cent over the past two seasons.",
                "The club's academy has produced {num2} first-team players in the past three years.",
                "#23 {p3a} said the club's finances were in better shape than many of its rivals'.",
                "Attendances across the Northern League are up {pct2} per cent on last season.",
                "#014 Rain fell steadily throughout the game, and the pitch cut up badly in the second half.",
                "#014 The captain was substituted with what appeared to be a hamstring problem.",
                "#014 Away fans, who had travelled in good numbers, sang throughout.",
                "#014 The result leaves {org2} {num2} points adrift of the play-off places.",
                "{org} have kept {num2} clean sheets in their last ten games.",
                "#3 The new stadium plans have been delayed twice by planning objections.",
                "The squad trained at the club's facility outside {town} earlier in the week.",
                "#014 Match statistics showed {org} had {num} shots, but only a handful on target.",
                "#13 Supporters' groups have asked the club to freeze ticket prices for next season.",
                "#014 The home side's pressing forced a string of errors in the opening twenty minutes.",
                "#04 {player} has now scored in {num2} consecutive matches.",
                "#0134 A minute's applause was held before kick-off in memory of a former club secretary.",
                "#014 The visitors' travelling support made themselves heard throughout.",
                "#0234 The club has lost only once at home since {month}.",
                "Injuries have forced {p1a} to rotate the squad heavily in recent weeks.",
                "#014 The young full-back, making only a second start, looked assured.",
                "Set pieces have been a weakness for much of the season.",
                "#13 The board is due to meet supporters' representatives next week.",
                "#23 The club's accounts, published in {month}, showed a small operating loss.",
                "#014 The midfield battle was fierce, with neither side able to dominate for long.",
                "#23 Season-ticket sales are up on last year, according to the club.",
                "#014 A penalty appeal in stoppage time was waved away.",
                "The pitch has been relaid since last season and drew praise from both managers.",
                "#014 The home side switched to a back three at half-time, and it paid off.",
                "#014 The visiting goalkeeper was the busier of the two for most of the afternoon.",
                "#014 {player2} was booked for a late challenge in the second half.",
                "#014 Both sides had chances in a frantic final ten minutes.",
                "#014 The substitute made an immediate impact, winning a free kick within seconds of coming on.",
                "#014 The home crowd grew restless as the first half wore on without a goal.",
                "#014 Neither manager was willing to settle for a point.",
                "The club has invested heavily in its training ground over the past two seasons.",
                "#014 The referee consulted his assistant for several seconds before awarding the free kick.",
                "#014 Local rivals will be watching the result with interest.",
                "The team's record against sides in the top half has improved markedly.",
                "#23 The club shop reported record sales of replica shirts this month.",
                "#2 The fee is believed to be a club record.",
                "#2 {player} passed a medical at the club's training ground on {day} morning.",
                "#2 The striker is expected to go straight into the squad for the weekend fixture.",
                "#2 Several other clubs in the Northern League were understood to be interested.",
                "#2 {org2} had rejected two earlier bids before agreeing terms.",
                "#3 A petition calling for a supporters' representative on the board has gathered {big2} signatures.",
                "#3 Police said the protest was noisy but peaceful.",
                "#3 The owners bought the club {num2} years ago, promising investment in the squad and the ground.",
                "#3 Some longer-serving supporters say they have never seen the mood so sour.",
                "#4 The semi-final draw will be made on {day} evening.",
                "#4 The County Cup has been won by a club from outside the top division only twice in its history."
            ),
            C1 = P(
                "the squad had shown the character needed for a long season",
                "nobody at the club was getting carried away",
                "the players had followed the game plan to the letter",
                "the club was building something that would last",
                "the supporters had been magnificent all season",
                "there was still plenty to improve on"
            ),
            C2 = P(
                "the team had not been good enough on the day",
                "the referee had made a number of questionable decisions",
                "supporters deserved more honesty from the board",
                "the club had been slow to address long-standing problems",
                "the squad would regroup and respond",
                "ticket prices were pricing out younger fans"
            ),
            C3 = P(
                "the league was more competitive than it had been for years",
                "the club's recruitment had been shrewd",
                "the financial gap between the top sides was growing",
                "momentum could carry a side a long way at this time of year",
                "the academy was the club's most valuable asset",
                "the relationship between owners and fans would define the season"
            ),
            Q1 = P(
                "I thought we were outstanding for an hour and then we had to dig in",
                "The players showed real character today, and that is what I asked of them",
                "We are not getting carried away, it is one result",
                "There is a long way to go this season and a lot of football to be played",
                "The supporters were magnificent and the players fed off that"
            ),
            Q2 = P(
                "We were second to everything in the first half, and you cannot do that at this level",
                "We felt we deserved something from the game, but that is football",
                "The fans pay good money and they deserve honesty from the club",
                "We will regroup and go again on {day}",
                "I have nothing against the referee, but that decision changed the game"
            ),
            Q3 = P(
                "Clubs of this size live or die by their academy",
                "The league is tighter this season than it has been for years",
                "You can see the shape of a good side emerging",
                "Owners come and go, but the supporters are always there",
                "A win like that can change a whole season if the players believe it"
            ),
            Closers = P(
                "{org} travel to {town2} on {day} for their next league fixture.",
                "The semi-final draw takes place on {day}.",
                "Both sides are back in action next weekend.",
                "The club is expected to respond formally to the supporters' trust by the end of {month}."
            ),
            BulletIntros = P("Match facts:", "The key moments:", "How the table looks:"),
            Bullets = P(
                "**Final score:** {score}",
                "**Attendance:** {big}",
                "**Players to watch:** {player} and {player2}",
                "**Booked:** {player2}",
                "**Man of the match:** {player}",
                "**Next fixture:** away to {town2} on {day}",
                "**League position:** {org2} sit {num2} points off the play-off places"
            ),
            Subheads = ["The first half", "After the break", "Voices from the stands", "The view from the dugout", "The bigger picture", "What comes next"],
            Tags = ["Match Reports", "Transfers", "Fans", "Cup Competitions", "Football", "Northern League", "Coaching", "Injuries", "Stadiums", "Youth Academies", "Promotion Race", "Club Ownership"],
        };
    }
}
