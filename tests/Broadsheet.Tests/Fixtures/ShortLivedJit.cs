using System.Runtime.CompilerServices;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Tiered PGO off for every .NET process the suite starts: the command-line children (migrate,
/// import, users create), the crash tests' and scale-out's app processes, and, through
/// <c>TieredPGO</c> in the test project, this test host with its in-process apps. A test process
/// runs thousands of methods a few times each; with PGO on, every method that gets warm is
/// jitted once more with instrumentation before its optimised version, CPU that a short process
/// rarely gets back (docs/benchmarks.md, "Test suite CPU: tiered PGO off": −27 % for a class of
/// CLI children, no change for an in-process area). It changes how code is compiled, never what
/// it does; the shipped app keeps PGO.
/// Child processes inherit the variable.
/// </summary>
internal static class ShortLivedJit
{
    [ModuleInitializer]
    internal static void PgoOff() => Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
}
