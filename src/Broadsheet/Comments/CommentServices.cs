using Broadsheet.Accounts;

namespace Broadsheet.Comments;

public static class CommentServices
{
    public static IServiceCollection AddComments(this IServiceCollection services, IConfiguration config)
    {
        // A mistyped Comments:Moderation fails the start with the key's name, not the first comment.
        services.AddOptions<CommentOptions>().Bind(config.GetSection("Comments"))
            .Validate(o => Enum.IsDefined(o.Moderation), "Comments:Moderation must be None, FirstComment or All.")
            .Validate(o => o.NewAccountDays >= 0 && o.CloseAfterDays >= 0 && o.MinSecondsToSubmit >= 0,
                "Comments:NewAccountDays, CloseAfterDays and MinSecondsToSubmit cannot be negative.")
            .ValidateOnStart();
        services.AddSingleton<FormStamp>();
        services.AddScoped<CommentWriter>();
        services.AddScoped<CommentPosting>();
        services.AddScoped<CommentVoting>();
        services.AddScoped<IAccountDeletionStep, CommentVotesOnDeletion>();
        services.AddSingleton<CommentVoteWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CommentVoteWriter>());
        services.AddScoped<CommentReports>();
        services.AddScoped<ReplyNotifier>();
        services.AddScoped<Moderation>();
        // A static page's thread, on its companion article (Articles/Companion): the same page and rules.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Comments/Thread", "/pages/{pageSlug}/comments"));
        return services;
    }
}
