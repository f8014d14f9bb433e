#nullable enable
using System.Globalization;
using System.Text;

namespace Broadsheet.Demo;

public sealed partial class NewsWriter
{
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
}
