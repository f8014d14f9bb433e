#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
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
}
