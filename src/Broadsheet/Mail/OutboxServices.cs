using Broadsheet.Data.Providers;

namespace Broadsheet.Mail;

public static class OutboxServices
{
    /// <summary>
    /// The outbox: requests queue mail (<see cref="MailOutbox"/>) and every instance runs an
    /// <see cref="OutboxSender"/> unless Email:Outbox:Enabled is false. Needs <see cref="EmailServices.AddEmail"/>.
    /// </summary>
    public static IServiceCollection AddMailOutbox(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<OutboxOptions>(config.GetSection("Email:Outbox"));
        services.AddScoped<MailOutbox>();
        services.AddScoped<IStoppedAddresses, StoppedAddresses>();
        services.AddSingleton(sp => new OutboxClaims(DatabaseProviders.For(config), sp.GetRequiredService<TimeProvider>()));
        // One mark writer per instance, shared by every connection, so they share its commits.
        services.AddSingleton<OutboxMarks>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
