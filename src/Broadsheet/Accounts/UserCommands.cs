using Microsoft.AspNetCore.Identity;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>`users create`: the scriptable way to make an account, the first admin included.</summary>
public static class UserCommands
{
    public const string Usage = "usage: users create --email E --password P --role admin|editor|author|reader [--name \"Display Name\"]";

    /// <summary>Creates the account; the command line is parsed by Host/Cli.cs. 2 for a blank email or password, 1 for a refusal.</summary>
    public static async Task<int> CreateAsync(IServiceProvider services, string email, string password, string role, string? name)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return Fail(Usage);
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > AccountLimits.EmailMax)
            return Fail($"'{email}' is not a valid email address.");
        if (password.Length > PasswordRules.MaxLength) return Fail($"A password is at most {PasswordRules.MaxLength} characters.");

        var users = services.GetRequiredService<UserManager<User>>();
        var result = await UserAdmin.CreateAsync(users, services.GetRequiredService<Data.BroadsheetDb>(), services.GetRequiredService<Audit.AuditLog>(),
            services.GetRequiredService<TimeProvider>(), email, name, password, role, by: "operator");
        if (!result.Succeeded) return Fail(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
        var user = (await users.FindByEmailAsync(email.Trim()))!;
        Console.WriteLine($"Created {Roles.All.First(r => r.Equals(role, StringComparison.OrdinalIgnoreCase))} {user.Email} (handle {user.Handle}, id {user.Id}).");
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return message == Usage ? 2 : 1;
    }
}
