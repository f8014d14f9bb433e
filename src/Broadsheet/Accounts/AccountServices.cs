using Broadsheet.Data;
using Broadsheet.Mail;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

public static class AccountServices
{
    public const string AuthCookie = "__Host-broadsheet";

    /// <summary>
    /// Secure, always: the sign-in cookie and, through the cookie policy (Host/Pipeline), every other
    /// cookie the app sets, the antiforgery cookie among them, so no token travels over plain HTTP
    /// where the session it protects would not. (AntiforgeryOptions.Cookie.SecurePolicy = Always
    /// would instead refuse to render a form on any plain-HTTP request, localhost included.)
    /// </summary>
    public const CookieSecurePolicy CookieSecurity = CookieSecurePolicy.Always;

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config)
    {
        services.AddHttpContextAccessor();
        services.AddEmail(config);
        services.AddMailOutbox(config);
        services.AddScoped<AccountMail>();
        services.AddScoped<IMailRequestResolver, AccountMailRequests>();
        services.AddScoped<OneTimeTokens>();
        services.AddScoped<FirstAdmin>();
        services.AddScoped<AfterSignIn>();
        services.AddScoped<AccountDeletion>();

        services.AddIdentity<User, IdentityRole<int>>(o =>
            {
                PasswordRules.Apply(o.Password);
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-";
                // Confirmation is enforced by the sign-in page after the password check, not
                // by Identity before it (which would reveal that an address is registered).
                o.SignIn.RequireConfirmedEmail = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Accounts:LockoutAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Accounts:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<BroadsheetDb>()
            .AddClaimsPrincipalFactory<UserClaims>()
            .AddPasswordValidator<CommonPasswordValidator<User>>()
            .AddDefaultTokenProviders();

        // Reset and email-change links live a day; each is spent when it changes the security stamp.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(1));

        // How often a signed-in request re-reads the security stamp: the longest another
        // session survives "sign out everywhere" or a password change.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(config.GetValue("Accounts:StampCheckSeconds", 30)));
        // The check itself, in one statement (replaces Identity's, which AddIdentity registered),
        // built only on the requests where it is due.
        services.AddScoped<StampCheck>();
        services.AddSingleton<ISecurityStampValidator, StampDue>().AddSingleton<StampRenewals>();
        // Due checks read in groups (StampReads): one loop per instance.
        services.AddSingleton<StampReads>().AddHostedService(sp => sp.GetRequiredService<StampReads>());

        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurity);

        services.ConfigureApplicationCookie(o =>
        {
            // __Host-: Secure, path /, no Domain, so no sibling subdomain can set or read it.
            // Browsers accept Secure cookies on http://localhost, so development still works.
            o.Cookie.Name = AuthCookie;
            o.Cookie.SecurePolicy = CookieSecurity;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.ReturnUrlParameter = "returnUrl";
            // An htmx request (a Follow click after the session ended) gets a full-page
            // navigation to sign-in, not the sign-in page swapped into a button.
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Headers.ContainsKey("HX-Request"))
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    ctx.Response.Headers["HX-Redirect"] = ctx.RedirectUri;
                }
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            // On the sign-in and sign-out paths the handler itself redirects to ?returnUrl= first (the
            // page then sets its own): through LocalPath, or a raw "café" in Location is a 500.
            o.Events.OnRedirectToReturnUrl = ctx =>
            {
                ctx.Response.Redirect(LocalPath.OrHome(ctx.RedirectUri));
                return Task.CompletedTask;
            };
            // Signed in without the role: a 403 page at the same address, not a redirect away from it.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // After the cookie handler's own post-configuration, which makes the ticket format this wraps.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).PostConfigure(o =>
        {
            if (o.TicketDataFormat is { } format and not RememberedTickets) o.TicketDataFormat = new RememberedTickets(format);
        });
        return services;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
