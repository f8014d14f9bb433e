using Broadsheet.Accounts;

namespace Broadsheet.Newsletters;

public static class NewsletterServices
{
    /// <summary>Subscriptions, the pages' services, the sender every instance runs, and the account export and deletion parts.</summary>
    public static IServiceCollection AddNewsletters(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NewsletterOptions>(config.GetSection("Newsletters"));
        services.AddScoped<Subscriptions>().AddScoped<Recipients>().AddScoped<MailRuns>();
        services.AddScoped<IAccountExportPart, NewslettersExport>().AddScoped<IAccountDeletionStep, NewslettersOnDeletion>();
        services.AddSingleton<NewsletterSender>();
        services.AddHostedService(sp => sp.GetRequiredService<NewsletterSender>());
        return services;
    }
}
