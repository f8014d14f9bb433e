using Broadsheet.Data;

namespace Broadsheet.Views;

/// <summary>
/// Raised by <see cref="ViewFlusher"/> after a flush has added views to articles' counters, so a
/// feature that derives something from those counters (Ranking's stored hotness) can recompute
/// it without Views depending on that feature. Implementations run after the flush's
/// transaction has committed, on the flush's context.
/// </summary>
public interface ICountersFlushed
{
    Task CountersFlushedAsync(BroadsheetDb db, IReadOnlyCollection<int> articleIds, DateTime now, CancellationToken ct);
}
