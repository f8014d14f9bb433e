using System.Collections.Concurrent;
using Broadsheet.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Accounts;

/// <summary>
/// The password policy as sign-up will meet it: a real <see cref="UserManager{TUser}"/> with
/// Identity's own length validator (configured by <see cref="PasswordRules.Apply"/>) and
/// <see cref="CommonPasswordValidator{TUser}"/>, over a store that lives in memory.
/// </summary>
public sealed class PasswordRulesTests
{
    private const string Email = "ada.lovelace@example.com";
    private const string UserName = "harbourwatcher";

    [Theory]
    [InlineData("password123")]
    [InlineData("qwertyuiop")]
    [InlineData("iloveyou1")]
    [InlineData("trustno1")]
    [InlineData("1qaz2wsx")]
    [InlineData("Password123")]
    [InlineData("QWERTYUIOP")]
    [InlineData("  sunshine  ")]
    public async Task Common_passwords_are_refused(string password)
    {
        var result = await SignUpAsync(password);

        result.Succeeded.ShouldBeFalse();
        Codes(result).ShouldContain("CommonPassword");
    }

    [Theory]
    [InlineData("tram4kly")] // exactly the minimum, and no rule asks for a capital or a symbol
    [InlineData("80417236592")]
    [InlineData("rainy harbour fog again")]
    [InlineData("the night ferry to the islands leaves at ten past eleven, sharp.")] // 64 characters
    [InlineData("our editor keeps a jar of pickled onions beside the printing press and nobody has ever asked why, ok")] // 100
    public async Task Uncommon_long_passphrases_are_accepted(string password)
    {
        // The form models cap length at MaxLength; a row longer than that would prove nothing.
        password.Length.ShouldBeLessThanOrEqualTo(PasswordRules.MaxLength);

        var result = await SignUpAsync(password);

        result.Succeeded.ShouldBeTrue(string.Join(", ", Codes(result)));
    }

    [Fact]
    public void The_passphrase_rows_are_as_long_as_they_claim()
    {
        // Guards the two rows above that stand for NIST's "accept at least 64" and beyond.
        "the night ferry to the islands leaves at ten past eleven, sharp.".Length.ShouldBe(64);
        "our editor keeps a jar of pickled onions beside the printing press and nobody has ever asked why, ok".Length.ShouldBe(100);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("abc1234")]
    [InlineData("Zq8!xR2")]
    public async Task Short_passwords_are_refused(string password)
    {
        var result = await SignUpAsync(password);

        result.Succeeded.ShouldBeFalse();
        Codes(result).ShouldContain("PasswordTooShort");
        // The common list holds nothing shorter than the minimum, so a reader who typed too
        // little is told that, not also that the password is common. (For "" Identity adds its
        // own PasswordRequiresUniqueChars, as zero distinct characters is fewer than one.)
        Codes(result).ShouldNotContain("CommonPassword");
    }

    [Theory]
    [InlineData(Email)]
    [InlineData("Ada.Lovelace@Example.com")]
    [InlineData(" ada.lovelace@example.com ")]
    public async Task A_password_equal_to_the_email_is_refused(string password)
    {
        var result = await SignUpAsync(password);

        result.Succeeded.ShouldBeFalse();
        Codes(result).ShouldBe(["PasswordIsIdentity"]);
    }

    [Theory]
    [InlineData(UserName)]
    [InlineData("HarbourWatcher")]
    public async Task A_password_equal_to_the_user_name_is_refused(string password)
    {
        var result = await SignUpAsync(password);

        result.Succeeded.ShouldBeFalse();
        Codes(result).ShouldBe(["PasswordIsIdentity"]);
    }

    [Fact]
    public void The_list_holds_thousands_of_entries() =>
        CommonPasswords.Count.ShouldBeGreaterThanOrEqualTo(3000);

    [Fact]
    public void Comment_lines_of_the_list_are_not_passwords()
    {
        using var stream = typeof(CommonPasswords).Assembly
            .GetManifestResourceStream("Broadsheet.Accounts.common-passwords.txt").ShouldNotBeNull();
        using var reader = new StreamReader(stream);
        var comments = reader.ReadToEnd().Split('\n').Where(l => l.StartsWith('#')).ToList();

        comments.ShouldNotBeEmpty();
        comments.ShouldAllBe(c => !CommonPasswords.Contains(c));
    }

    private static string[] Codes(IdentityResult result) => [.. result.Errors.Select(e => e.Code)];

    private static async Task<IdentityResult> SignUpAsync(string password)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<TestUser>(o => PasswordRules.Apply(o.Password))
            .AddPasswordValidator<CommonPasswordValidator<TestUser>>();
        services.AddSingleton<IUserStore<TestUser>, InMemoryUserStore>();

        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TestUser>>();

        return await users.CreateAsync(new TestUser { UserName = UserName, Email = Email }, password);
    }

    public sealed class TestUser
    {
        public string Id { get; } = Guid.NewGuid().ToString("N");
        public string? UserName { get; set; }
        public string? NormalizedUserName { get; set; }
        public string? Email { get; set; }
        public string? NormalizedEmail { get; set; }
        public bool EmailConfirmed { get; set; }
        public string? PasswordHash { get; set; }
    }

    /// <summary>
    /// Just enough store for <see cref="UserManager{TUser}.CreateAsync(TUser, string)"/>: it
    /// hashes the password (so needs a password store) and the validator reads the email.
    /// </summary>
    private sealed class InMemoryUserStore : IUserPasswordStore<TestUser>, IUserEmailStore<TestUser>
    {
        private readonly ConcurrentDictionary<string, TestUser> _users = new();

        public Task<IdentityResult> CreateAsync(TestUser user, CancellationToken ct)
        {
            _users[user.Id] = user;
            return Task.FromResult(IdentityResult.Success);
        }

        public Task<IdentityResult> UpdateAsync(TestUser user, CancellationToken ct)
        {
            _users[user.Id] = user;
            return Task.FromResult(IdentityResult.Success);
        }

        public Task<IdentityResult> DeleteAsync(TestUser user, CancellationToken ct)
        {
            _users.TryRemove(user.Id, out _);
            return Task.FromResult(IdentityResult.Success);
        }

        public Task<TestUser?> FindByIdAsync(string userId, CancellationToken ct) =>
            Task.FromResult(_users.GetValueOrDefault(userId));

        public Task<TestUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
            Task.FromResult(_users.Values.FirstOrDefault(u => u.NormalizedUserName == normalizedUserName));

        public Task<TestUser?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) =>
            Task.FromResult(_users.Values.FirstOrDefault(u => u.NormalizedEmail == normalizedEmail));

        public Task<string> GetUserIdAsync(TestUser user, CancellationToken ct) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(TestUser user, CancellationToken ct) => Task.FromResult(user.UserName);
        public Task<string?> GetNormalizedUserNameAsync(TestUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);
        public Task<string?> GetEmailAsync(TestUser user, CancellationToken ct) => Task.FromResult(user.Email);
        public Task<string?> GetNormalizedEmailAsync(TestUser user, CancellationToken ct) => Task.FromResult(user.NormalizedEmail);
        public Task<bool> GetEmailConfirmedAsync(TestUser user, CancellationToken ct) => Task.FromResult(user.EmailConfirmed);
        public Task<string?> GetPasswordHashAsync(TestUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
        public Task<bool> HasPasswordAsync(TestUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

        public Task SetUserNameAsync(TestUser user, string? userName, CancellationToken ct) => Set(() => user.UserName = userName);
        public Task SetNormalizedUserNameAsync(TestUser user, string? normalizedName, CancellationToken ct) => Set(() => user.NormalizedUserName = normalizedName);
        public Task SetEmailAsync(TestUser user, string? email, CancellationToken ct) => Set(() => user.Email = email);
        public Task SetNormalizedEmailAsync(TestUser user, string? normalizedEmail, CancellationToken ct) => Set(() => user.NormalizedEmail = normalizedEmail);
        public Task SetEmailConfirmedAsync(TestUser user, bool confirmed, CancellationToken ct) => Set(() => user.EmailConfirmed = confirmed);
        public Task SetPasswordHashAsync(TestUser user, string? passwordHash, CancellationToken ct) => Set(() => user.PasswordHash = passwordHash);

        public void Dispose()
        {
        }

        private static Task Set(Action set)
        {
            set();
            return Task.CompletedTask;
        }
    }
}
