// Types that exist only so the architecture rules can be seen to fail (ArchitectureSelfTests):
// Alpha and Beta depend on each other, Gamma on Alpha only.
namespace Broadsheet.Tests.Architecture.Planted.Alpha
{
    public sealed class Origin
    {
        public Beta.Reaction? Reaction { get; set; }
    }
}

namespace Broadsheet.Tests.Architecture.Planted.Beta
{
    public sealed class Reaction
    {
        public Alpha.Origin? Origin { get; set; }
    }
}

namespace Broadsheet.Tests.Architecture.Planted.Gamma
{
    public sealed class Reader
    {
        public Alpha.Origin? Origin { get; set; }
    }
}
