using Broadsheet.Api;

namespace Broadsheet.Tests.Api;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void A_generated_key_has_its_prefix_and_matches_only_its_own_hash()
    {
        var (key, prefix) = ApiKeyFormat.Generate();
        key.Length.ShouldBe(ApiKeyFormat.Length);
        key.ShouldStartWith(prefix + "_");
        ApiKeyFormat.TryGetPrefix(key, out var found).ShouldBeTrue();
        found.ShouldBe(prefix);
        ApiKeyFormat.Hash(key).ShouldMatch("^[0-9a-f]{64}$");
        ApiKeyFormat.Matches(key, ApiKeyFormat.Hash(key)).ShouldBeTrue();
        ApiKeyFormat.Matches(key, ApiKeyFormat.Hash(ApiKeyFormat.Generate().Key)).ShouldBeFalse();
        ApiKeyFormat.Generate().Key.ShouldNotBe(key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bs_abcdefgh")]
    [InlineData("bs_abcdefgh_0123456789012345678901234567890123456789x")] // one too long
    [InlineData("xx_abcdefgh_0123456789012345678901234567890123456789")]
    [InlineData("bs_abcdefgh-0123456789012345678901234567890123456789")]
    [InlineData("bs_ABCDEFGH_0123456789012345678901234567890123456789")]
    [InlineData("bs_abcdefgh_01234567890123456789012345678901234567_9")]
    public void Malformed_keys_have_no_prefix(string? key) => ApiKeyFormat.TryGetPrefix(key, out _).ShouldBeFalse();

    [Fact]
    public void A_well_formed_key_names_its_prefix() =>
        ApiKeyFormat.TryGetPrefix("bs_abcdefgh_0123456789012345678901234567890123456789", out var p).ShouldBeTrue();
}
