using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CbpCenters.Engine.Notices;

public static class NoticeServiceCollectionExtensions
{
    /// <summary>
    /// Template notices: loads and parses every template of <paramref name="templatesFolder"/> now, so a bad
    /// template stops the service at start-up with the file named; replaces the plain composer; adds the
    /// SendEmail activity and the publish-time field check. A host registers its own
    /// <see cref="IRecipientResolver"/> and <see cref="INoticeModelSchema"/>, before or after this call.
    /// </summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, string templatesFolder)
    {
        services.AddSingleton(NoticeTemplates.Load(templatesFolder));
        services.Replace(ServiceDescriptor.Singleton<INoticeComposer, TemplateNoticeComposer>());
        services.TryAddSingleton<IRecipientResolver, NoRecipientResolver>();
        services.TryAddSingleton<INoticeModelSchema>(new NoticeModelSchema());
        services.AddSingleton<NoticeTemplateCheck>();
        services.AddSingleton<IDefinitionRule>(sp => sp.GetRequiredService<NoticeTemplateCheck>());
        services.AddSingleton<Activity, SendEmailActivity>();
        return services;
    }
}
