using Microsoft.AspNetCore.Identity;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>`users create`: the scriptable way to make an account, the first admin included.</summary>
public static class UserCommands
{
    public const string Usage = "usage: users create --email E --password P --role admin|editor|author|reader [--name \"Display Name\"]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2 || args[1] != "create") return Fail(Usage);
        var email = Option(args, "--email");
        var password = Option(args, "--password");
        var role = Option(args, "--role") ?? Roles.Reader;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return Fail(Usage);
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > AccountLimits.EmailMax)
            return Fail($"'{email}' is not a valid email address.");
        if (password.Length > PasswordRules.MaxLength) return Fail($"A password is at most {PasswordRules.MaxLength} characters.");

        var users = services.GetRequiredService<UserManager<User>>();
        var result = await UserAdmin.CreateAsync(users, services.GetRequiredService<Data.BroadsheetDb>(), services.GetRequiredService<Audit.AuditLog>(),
            services.GetRequiredService<TimeProvider>(), email, Option(args, "--name"), password, role, by: "operator");
        if (!result.Succeeded) return Fail(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
        var user = (await users.FindByEmailAsync(email.Trim()))!;
        Console.WriteLine($"Created {Roles.All.First(r => r.Equals(role, StringComparison.OrdinalIgnoreCase))} {user.Email} (handle {user.Handle}, id {user.Id}).");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return message == Usage ? 2 : 1;
    }
}
