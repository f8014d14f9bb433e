using System.Text;

namespace Broadsheet.Import;

/// <summary>What an import did, per kind, and what it could not do (warnings never stop an import).</summary>
public sealed class ImportSummary
{
    public static readonly string[] Kinds = ["authors", "categories", "tags", "posts", "comments", "images", "redirects"];

    private readonly Dictionary<(string Kind, string Outcome), int> counts = [];

    public List<string> Warnings { get; } = [];

    public void Created(string kind) => Add(kind, "created");
    public void Updated(string kind) => Add(kind, "updated");
    public void Skipped(string kind) => Add(kind, "skipped");

    public int Count(string kind, string outcome) => counts.GetValueOrDefault((kind, outcome));

    public void Warn(string message) => Warnings.Add(message);

    private void Add(string kind, string outcome) => counts[(kind, outcome)] = Count(kind, outcome) + 1;

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var kind in Kinds)
            sb.AppendLine($"  {kind,-11} created {Count(kind, "created"),5}   updated {Count(kind, "updated"),5}   skipped {Count(kind, "skipped"),5}");
        sb.AppendLine(Warnings.Count == 0 ? "No warnings." : $"Warnings ({Warnings.Count}):");
        foreach (var w in Warnings) sb.AppendLine("  - " + w);
        return sb.ToString();
    }
}
