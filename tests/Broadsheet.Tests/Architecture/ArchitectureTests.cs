namespace Broadsheet.Tests.Architecture;

/// <summary>
/// The dependency rule of docs/architecture.md, measured on the compiled app with ArchUnitNET:
/// Host -> features -> platform (Data, Shared, Media, Mail, Caching, RateLimits) -> nothing,
/// with no cycle between top-level folders. The cycles and platform links that remain are
/// listed below as known debt, so any NEW one fails the build; fixing one fails too until its
/// line is removed, so the lists only ever shrink.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Links between top-level folders that still close a cycle (issue 18), measured 2026-12-06:
    /// Empty: every cycle between top-level folders is gone (83 links before the features took
    /// their tables out of Data; then User moved into Data/Identity, the site chrome left Shared for
    /// Layout/, and the feature events of docs/architecture.md cut the rest).
    /// </summary>
    public static readonly string[] KnownCycleLinks =
    [
    ];

    /// <summary>Platform folders that still depend on a feature (issue 18).</summary>
    public static readonly string[] KnownPlatformLinks =
    [
    ];

    [Fact]
    public void No_new_cycle_between_top_level_folders()
    {
        ArchitectureRules.NewCycleLinks(ArchitectureRules.App.Value, KnownCycleLinks).ShouldBeEmpty(
            "a new dependency closes a cycle: let the feature that raises the event own a small interface and the reacting one implement it");
    }

    [Fact]
    public void Every_known_cycle_link_still_exists_so_the_debt_list_stays_true()
    {
        ArchitectureRules.StaleDebt(ArchitectureRules.App.Value, KnownCycleLinks).ShouldBeEmpty("these no longer close a cycle: remove them from KnownCycleLinks");
    }

    [Fact]
    public void Platform_folders_depend_on_no_feature_beyond_the_known_debt()
    {
        var graph = ArchitectureRules.App.Value;
        ArchitectureRules.PlatformOnFeatures(graph, ArchitectureRules.Platform, KnownPlatformLinks).ShouldBeEmpty();
        ArchitectureRules.PlatformOnFeatures(graph, ArchitectureRules.Platform, []).ShouldBe(KnownPlatformLinks, ignoreOrder: true,
            "KnownPlatformLinks must list exactly what remains");
    }

    [Fact]
    public void Nothing_depends_on_Host_and_only_Host_depends_on_Demo_and_Layout()
    {
        var graph = ArchitectureRules.App.Value;
        graph.Folders.ShouldContain("Host");
        graph.Folders.ShouldContain("Layout");
        ArchitectureRules.DependentsOf(graph, "Host").ShouldBeEmpty();
        ArchitectureRules.DependentsOf(graph, "Demo", allowed: "Host").ShouldBeEmpty();
        // The site chrome may read every feature; pages reach it by path from _ViewStart, never by type.
        ArchitectureRules.DependentsOf(graph, "Layout", allowed: "Host").ShouldBeEmpty();
    }

    /// <summary>
    /// Host turns MVC's controller discovery off (it read every type of the assembly at each start,
    /// issue 15), so a controller added here would never be routed: this says so instead.
    /// </summary>
    [Fact]
    public void The_app_declares_no_controllers_since_controller_discovery_is_off()
    {
        var probe = new ControllerProbe();
        typeof(Program).Assembly.GetTypes().Where(probe.Is).Select(t => t.FullName).ShouldBeEmpty(
            "controllers are not discovered (Host/Pipeline.AddSite): map an endpoint or a Razor Page instead");
        probe.Is(typeof(PlantedController)).ShouldBeTrue("the probe must recognise a controller, or this test could never fail");
    }

    private sealed class ControllerProbe : Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider
    {
        public bool Is(Type type) => IsController(System.Reflection.IntrospectionExtensions.GetTypeInfo(type));
    }
}

/// <summary>A controller for the probe to recognise; public and top-level, as MVC requires.</summary>
public sealed class PlantedController : Microsoft.AspNetCore.Mvc.ControllerBase;
