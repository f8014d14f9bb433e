using System.Text;

namespace Broadsheet.Import;

/// <summary>What an import did, per kind, and what it could not do (warnings never stop an import).</summary>
public sealed class ImportSummary
{
    public static readonly string[] Kinds = ["authors", "categories", "tags", "posts", "pages", "comments", "images", "media", "redirects"];

    private readonly Dictionary<(string Kind, string Outcome), int> counts = [];

    /// <summary>Every warning's message, in the order they arose.</summary>
    public List<string> Warnings { get; } = [];

    private readonly List<(string Kind, string Message)> warnings = [];

    /// <summary>How many warnings the summary prints of each kind before "and N more".</summary>
    public const int ShownPerKind = 5;

    public void Created(string kind) => Add(kind, "created");
    public void Updated(string kind) => Add(kind, "updated");
    public void Skipped(string kind) => Add(kind, "skipped");
    /// <summary>Imported before and the same in the export: left as the newsroom has it.</summary>
    public void Unchanged(string kind) => Add(kind, "unchanged");
    /// <summary>Imported before, now trash, draft or private (posts) or spam or trash (comments): taken off the site.</summary>
    public void TakenDown(string kind) => Add(kind, "taken down");

    public int Count(string kind, string outcome) => counts.GetValueOrDefault((kind, outcome));

    public void Warn(string kind, string message)
    {
        Warnings.Add(message);
        warnings.Add((kind, message));
    }

    /// <summary>Warnings grouped by kind, the commonest kind first.</summary>
    public IEnumerable<IGrouping<string, string>> WarningsByKind =>
        warnings.GroupBy(w => w.Kind, w => w.Message).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);

    private void Add(string kind, string outcome) => counts[(kind, outcome)] = Count(kind, outcome) + 1;

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var kind in Kinds)
            sb.AppendLine($"  {kind,-11} created {Count(kind, "created"),5}   updated {Count(kind, "updated"),5}   unchanged {Count(kind, "unchanged"),5}   taken down {Count(kind, "taken down"),5}   skipped {Count(kind, "skipped"),5}");
        sb.AppendLine(Warnings.Count == 0 ? "No warnings." : $"Warnings ({Warnings.Count}):");
        foreach (var group in WarningsByKind)
        {
            var all = group.ToList();
            sb.AppendLine($"  {group.Key} ({all.Count}):");
            foreach (var w in all.Take(ShownPerKind)) sb.AppendLine("    - " + w);
            if (all.Count > ShownPerKind) sb.AppendLine($"    ... and {all.Count - ShownPerKind} more");
        }
        return sb.ToString();
    }
}
