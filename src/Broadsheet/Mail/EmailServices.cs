using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Mail;

public static class EmailServices
{
    /// <summary>
    /// Binds "Email" and picks the sender: SMTP once Email:Smtp:Host is set, otherwise .eml files
    /// under Email:Directory, so a fresh install needs no mail server to sign readers up.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<EmailOptions>(config.GetSection("Email"));
        services.TryAddSingleton(TimeProvider.System);
        if (!string.IsNullOrWhiteSpace(config["Email:Smtp:Host"])) services.AddSingleton<IMailSender, SmtpMailSender>();
        else services.AddSingleton<IMailSender, FileMailSender>();
        return services;
    }
}
