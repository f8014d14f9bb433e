using Broadsheet.Accounts;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Accounts;

/// <summary>The one rule that tells a pause from wrong passwords apart from an admin's lock.</summary>
public sealed class AccountLockTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, LockState.Open)]
    [InlineData(-3600, LockState.Open)]   // a pause that ran out an hour ago
    [InlineData(0, LockState.Open)]       // a pause that ends this instant
    [InlineData(1, LockState.Paused)]
    [InlineData(15 * 60, LockState.Paused)]
    [InlineData(400 * 24 * 3600, LockState.Paused)] // however long an operator sets Accounts:LockoutMinutes
    public void A_lockout_end_from_failed_tries_pauses_until_it_passes(int? secondsFromNow, LockState expected) =>
        AccountLock.Of(secondsFromNow is int s ? Now.AddSeconds(s) : null, Now).ShouldBe(expected);

    [Theory]
    [InlineData("9999-12-31T23:59:59.9999999+00:00", LockState.Locked)] // DateTimeOffset.MaxValue, what the newsroom's Lock writes
    [InlineData("9999-12-31T23:59:59+00:00", LockState.Locked)]         // the same, rounded by a database
    [InlineData("9999-01-01T00:00:00+00:00", LockState.Locked)]
    [InlineData("9998-12-31T23:59:59+00:00", LockState.Paused)]
    public void A_lockout_end_at_the_end_of_time_is_an_admins_lock(string end, LockState expected) =>
        AccountLock.Of(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), Now).ShouldBe(expected);

    [Fact]
    public void The_newsrooms_lock_value_reads_as_locked() =>
        AccountLock.Of(AccountLock.AdminLockEnd, Now).ShouldBe(LockState.Locked);

    [Theory]
    [InlineData(true, LockState.Locked)]
    [InlineData(false, LockState.Open)]
    public void An_account_with_lockout_turned_off_is_open_whatever_its_end(bool lockoutEnabled, LockState expected) =>
        AccountLock.Of(new User { LockoutEnabled = lockoutEnabled, LockoutEnd = AccountLock.AdminLockEnd }, Now).ShouldBe(expected);
}
