using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Slices;

namespace Broadsheet.Tests.Architecture;

/// <summary>
/// Which top-level folder depends on which, from the compiled assembly: ArchUnitNET cuts the
/// types into slices ("Root.(*)..", one per top-level folder, namespace = folder) and lists each
/// slice's type dependencies (fields, signatures, calls, attributes, Razor views included).
/// </summary>
public sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> edges = new(StringComparer.Ordinal);

    public IEnumerable<string> Folders => edges.Keys;

    public IReadOnlySet<string> DependenciesOf(string folder) => edges.TryGetValue(folder, out var to) ? to : new SortedSet<string>();

    public static FolderGraph Of(ArchUnitNET.Domain.Architecture architecture, string root)
    {
        var graph = new FolderGraph();
        foreach (var slice in SliceRuleDefinition.Slices().Matching(root + ".(*)..").GetObjects(architecture))
            foreach (var dependency in slice.Dependencies)
            {
                var from = FolderOf(dependency.Origin.Namespace?.FullName ?? "", root);
                var to = FolderOf(dependency.Target.Namespace?.FullName ?? "", root);
                if (from is null) continue;
                if (!graph.edges.TryGetValue(from, out var set)) graph.edges[from] = set = new(StringComparer.Ordinal);
                if (to is not null && to != from) set.Add(to);
            }
        return graph;
    }

    private static string? FolderOf(string ns, string root) =>
        ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;

    /// <summary>Every "A -> B" where B also reaches A: the links that make cycles.</summary>
    public SortedSet<string> EdgesOnCycles()
    {
        var onCycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (from, targets) in edges)
            foreach (var to in targets)
                if (Reaches(to, from)) onCycles.Add($"{from} -> {to}");
        return onCycles;
    }

    private bool Reaches(string start, string goal)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var folder))
        {
            if (folder == goal) return true;
            foreach (var next in DependenciesOf(folder))
                if (seen.Add(next)) queue.Enqueue(next);
        }
        return false;
    }

    /// <summary>"A -> B" for each dependency of a folder in <paramref name="from"/> on a folder in <paramref name="to"/>.</summary>
    public SortedSet<string> EdgesBetween(IEnumerable<string> from, IEnumerable<string> to)
    {
        var targets = to.ToHashSet(StringComparer.Ordinal);
        return new SortedSet<string>(
            from.SelectMany(f => DependenciesOf(f).Where(targets.Contains).Select(t => $"{f} -> {t}")), StringComparer.Ordinal);
    }
}
