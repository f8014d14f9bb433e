using Broadsheet.Data;
using System.Globalization;
using System.Text;

namespace Broadsheet.Caching;

/// <summary>
/// What one kind of hole needs to read for this reader: a SELECT whose columns are named
/// <c>n0</c>..<c>n4</c> (whole numbers; 0 where unused) and <c>t</c> (text or NULL), with
/// <c>{0}</c>, <c>{1}</c>… where its <paramref name="Parameters"/> go. Plain SQL that both
/// engines read alike (quoted names, no engine functions); it becomes one branch of
/// <see cref="HoleReads"/>' single statement.
/// </summary>
public sealed record HoleRead(string Sql, params object[] Parameters);

/// <summary>One row a hole's read returned.</summary>
public readonly record struct HoleRow(long N0, long N1, long N2, long N3, long N4, string? Text);

/// <summary>
/// Every hole's read on a page in one statement: the branches joined with UNION ALL, each row
/// tagged with its branch. A signed-in hit ran one EF query per kind of hole (the header's
/// unread count, the votes, the follows), and EF's per-query pipeline (funcletizing, the query
/// cache lookup, materialising) was two thirds of the hit (docs/benchmarks.md, "Where a
/// signed-in hit's time goes"). The statement runs through <see cref="IPreparedReads"/>, which
/// keeps it prepared (compiling it on every hit was a third of the hit) and logs it as EF logs
/// its commands. A page's statement text depends only on which holes it has, so it repeats.
/// </summary>
public static class HoleReads
{
    public static async Task<IReadOnlyList<HoleRow>[]> RunAsync(IPreparedReads prepared, IReadOnlyList<HoleRead?> reads, CancellationToken ct)
    {
        var rows = new List<HoleRow>[reads.Count];
        var sql = new StringBuilder(512);
        var args = new List<object>();
        for (var i = 0; i < reads.Count; i++)
        {
            rows[i] = [];
            if (reads[i] is not { } read) continue;
            // Each branch's {n} become the statement's own parameters, @p0, @p1...
            var names = new object[read.Parameters.Length];
            for (var p = 0; p < names.Length; p++) names[p] = "@p" + (args.Count + p).ToString(CultureInfo.InvariantCulture);
            args.AddRange(read.Parameters);
            if (sql.Length > 0) sql.Append(" UNION ALL ");
            // The casts give every branch the same column types, which PostgreSQL's UNION requires.
            sql.Append("SELECT CAST(").Append(i.ToString(CultureInfo.InvariantCulture))
               .Append(" AS BIGINT) AS h, CAST(q.n0 AS BIGINT), CAST(q.n1 AS BIGINT), CAST(q.n2 AS BIGINT), CAST(q.n3 AS BIGINT), CAST(q.n4 AS BIGINT), CAST(q.t AS TEXT) FROM (")
               .Append(string.Format(CultureInfo.InvariantCulture, read.Sql, names)).Append(") AS q");
        }
        if (sql.Length == 0) return rows;
        await prepared.ReadAsync(sql.ToString(), args, r =>
            rows[(int)r.GetInt64(0)].Add(new HoleRow(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5),
                r.IsDBNull(6) ? null : r.GetString(6))), ct);
        return rows;
    }
}
