using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;

namespace Broadsheet.Tests.Architecture;

/// <summary>
/// The rules of <see cref="ArchitectureTests"/> run over types planted in this project
/// (PlantedCycle.cs: Alpha and Beta depend on each other, Gamma on Alpha): they must catch it.
/// </summary>
public sealed class ArchitectureSelfTests
{
    private const string Root = "Broadsheet.Tests.Architecture.Planted";

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> PlantedTypes = new(() =>
        new ArchLoader().LoadAssemblies(typeof(Planted.Alpha.Origin).Assembly).Build());

    private static FolderGraph Graph => FolderGraph.Of(PlantedTypes.Value, Root);

    [Fact]
    public void The_cycle_rule_reports_both_links_of_a_planted_cycle_and_not_the_one_way_link()
    {
        ArchitectureRules.NewCycleLinks(Graph, knownDebt: []).ShouldBe(["Alpha -> Beta", "Beta -> Alpha"]);
    }

    [Fact]
    public void A_planted_cycle_listed_as_known_debt_passes_and_is_stale_once_gone()
    {
        ArchitectureRules.NewCycleLinks(Graph, ["Alpha -> Beta", "Beta -> Alpha"]).ShouldBeEmpty();
        ArchitectureRules.StaleDebt(Graph, ["Alpha -> Beta", "Beta -> Alpha", "Gamma -> Alpha"]).ShouldBe(["Gamma -> Alpha"]);
    }

    [Fact]
    public void ArchUnitNET_own_cycle_rule_fails_on_the_planted_slices()
    {
        SliceRuleDefinition.Slices().Matching(Root + ".(*)..").Should().BeFreeOfCycles()
            .HasNoViolations(PlantedTypes.Value).ShouldBeFalse();
    }

    [Fact]
    public void The_platform_rule_reports_a_platform_folder_that_depends_on_a_feature()
    {
        ArchitectureRules.PlatformOnFeatures(Graph, platform: ["Alpha"], knownDebt: []).ShouldBe(["Alpha -> Beta"]);
    }

    [Fact]
    public void The_entry_point_rule_reports_whatever_depends_on_it()
    {
        ArchitectureRules.DependentsOf(Graph, "Alpha").ShouldBe(["Beta -> Alpha", "Gamma -> Alpha"]);
    }
}
