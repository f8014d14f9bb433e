using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// What a feature does when an account is deleted. Features above Accounts keep rows about the
/// reader (votes, comment votes, follows); each registers a step for its own rows, so Accounts
/// names none of them (issue 18). Steps run in registration order (Host/Composition) and share
/// the request's context: the first two phases inside the deletion's transaction.
/// </summary>
public interface IAccountDeletionStep
{
    /// <summary>In the transaction, before the user row goes: note what its cascade will remove.</summary>
    Task BeforeDeleteAsync(int userId, CancellationToken ct);

    /// <summary>In the transaction, after the row and its cascades have gone.</summary>
    Task AfterDeleteAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>After the commit: repairs that may take their own short transactions.</summary>
    Task AfterCommitAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Deleting an account removes the person: the user row, and with it (by cascade) roles,
/// follows, pending links and votes. What they wrote in public stays, credited to "deleted user".
/// </summary>
public sealed class AccountDeletion(BroadsheetDb db, UserManager<User> users, IEnumerable<IAccountDeletionStep> steps, ILogger<AccountDeletion> log)
{
    public const string DeletedName = "deleted user";

    public async Task DeleteAsync(User user, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var step in steps) await step.BeforeDeleteAsync(user.Id, ct);
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded)
                throw new InvalidOperationException("Account deletion failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
            foreach (var step in steps) await step.AfterDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        foreach (var step in steps) await step.AfterCommitAsync(ct);
        log.LogInformation("Account {UserId} deleted at the reader's request", user.Id);
    }
}
