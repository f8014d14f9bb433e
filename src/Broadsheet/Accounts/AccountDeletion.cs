using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Deleting an account removes the person: the user row, and with it (by cascade) roles,
/// follows and pending links. What they wrote in public stays, credited to "deleted user".
/// </summary>
public sealed class AccountDeletion(BroadsheetDb db, UserManager<User> users, ILogger<AccountDeletion> log)
{
    public const string DeletedName = "deleted user";

    public async Task DeleteAsync(User user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("Account deletion failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        await tx.CommitAsync(ct);
        log.LogInformation("Account {UserId} deleted at the reader's request", user.Id);
    }
}
