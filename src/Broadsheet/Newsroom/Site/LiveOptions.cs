using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Site;

/// <summary>
/// IOptionsMonitor over configuration plus the newsroom's overrides: the value is the bound
/// configuration with <see cref="LiveSettings"/> laid over it, recomputed when the settings change.
/// Registered for SiteOptions and CommentOptions, so every consumer of CurrentValue is live.
/// </summary>
public sealed class LiveOptions<T> : IOptionsMonitor<T> where T : class
{
    private readonly IOptionsFactory<T> factory;
    private readonly LiveSettings settings;
    private readonly Action<T, IReadOnlyDictionary<string, string>> apply;
    private readonly List<Action<T, string?>> listeners = [];
    private volatile T current;

    public LiveOptions(IOptionsFactory<T> factory, LiveSettings settings, Action<T, IReadOnlyDictionary<string, string>> apply)
    {
        this.factory = factory;
        this.settings = settings;
        this.apply = apply;
        current = Compute();
        settings.Changed += Recompute;
    }

    public T CurrentValue => current;

    public T Get(string? name) => name is null || name == Options.DefaultName ? current : factory.Create(name);

    public IDisposable? OnChange(Action<T, string?> listener)
    {
        lock (listeners) listeners.Add(listener);
        return new Unsubscribe(() => { lock (listeners) listeners.Remove(listener); });
    }

    private T Compute()
    {
        var value = factory.Create(Options.DefaultName);
        apply(value, settings.Overrides);
        return value;
    }

    private void Recompute()
    {
        current = Compute();
        Action<T, string?>[] copy;
        lock (listeners) copy = [.. listeners];
        foreach (var listener in copy) listener(current, Options.DefaultName);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
