using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// The app's own DbContext and Identity, in the test process, over a database that app
/// processes use (the scale-out cluster's): test data is made the way TestReaders and
/// TestNewsroom make it, without a third instance serving requests. Nothing here is started.
/// </summary>
public sealed class ClusterData : IAsyncDisposable
{
    private readonly WebApplication host;

    public ClusterData(string connectionString, string folder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Broadsheet"] = connectionString,
        });
        // The test's own reads and writes are not news; the instances log what matters.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System).AddData(builder.Configuration, builder.Environment).AddAccounts(builder.Configuration);
        host = builder.Build();
    }

    public async Task<T> WithDbAsync<T>(Func<BroadsheetDb, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    /// <summary>A confirmed account with the test password, as TestReaders.UserAsync makes one.</summary>
    public async Task<User> UserAsync(string role = Roles.Reader)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var email = TestReaders.Email();
        // A day old, so the account may also downvote (Votes:DownvoteMinAccountAgeHours).
        var user = new User { Email = email, DisplayName = $"Reader {email[7..13]}", EmailConfirmed = true, JoinedAt = DateTime.UtcNow.AddDays(-2) };
        var created = await UserAdmin.CreateWithHandleAsync(users, user, TestReaders.Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, role == Roles.Reader ? [Roles.Reader] : [Roles.Reader, role]);
        return user;
    }

    /// <summary>A live article, an hour old, in a new section by a new author; its slug is new, so no cache holds it yet.</summary>
    public Task<Article> ArticleAsync() => WithDbAsync(async db =>
    {
        var slug = Slug.From(TestNewsroom.Unique("Section"));
        var category = db.Categories.Add(new Category { Name = $"Section {slug[^6..]}", Slug = slug, Position = 50 }).Entity;
        var author = db.Authors.Add(new Author { DisplayName = $"Reporter {slug[^6..]}", Slug = "reporter-" + slug[^12..], Bio = "Covers the port." }).Entity;
        var article = TestNewsroom.Story();
        article.Category = category;
        article.Author = author;
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();
}
