using Broadsheet.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Fixtures;

/// <summary>Accounts made straight through Identity (fast), and signed in through the real form.</summary>
public static class TestReaders
{
    public const string Password = "correct horse battery";

    public static string Email() => $"reader-{Guid.NewGuid():N}@example.test";

    public static async Task<User> UserAsync(this BroadsheetApp app, string? email = null, string role = Roles.Reader,
        bool confirmed = true, string? password = Password, string? name = null, DateTime? joinedAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        email ??= Email();
        var user = new User { Email = email, DisplayName = name ?? $"Reader {email[7..13]}", EmailConfirmed = confirmed, JoinedAt = joinedAt ?? DateTime.UtcNow };
        var created = await UserAdmin.CreateWithHandleAsync(users, user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, role == Roles.Reader ? [Roles.Reader] : [Roles.Reader, role]);
        return user;
    }

    /// <summary>A new confirmed reader, signed in through the sign-in form.</summary>
    public static async Task<(ReaderSession Reader, User User)> SignedInReaderAsync(this BroadsheetApp app, string role = Roles.Reader)
    {
        var user = await app.UserAsync(role: role);
        var reader = app.Reader();
        var (response, _) = await reader.SignInAsync(user.Email!);
        ((int)response.StatusCode).ShouldBe(302);
        return (reader, user);
    }

    public static Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> SignInAsync(this ReaderSession reader, string email,
        string password = Password, string returnUrl = "/", bool htmx = false) =>
        reader.SubmitAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", "/account/sign-in",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, htmx);
}
