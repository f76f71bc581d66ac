using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Notifications;

public static class NotificationFields
{
    public static void AddNotificationMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<PayloadType<ViewerType, ViewerInfo, MarkNotificationsReadErrorType>>>("markNotificationsRead")
            .Description("Marks the caller's notifications read: those named, or all. Returns the caller, to read the new unread count.")
            .Argument<NonNullGraphType<MarkNotificationsReadInputType>>("input", "Which notifications.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<NotificationService>()
            .ResolveAsync(async (ctx, notifications) => await notifications.MarkReadAsync(ctx.GetArgument<MarkNotificationsReadInput>("input"), ctx.CancellationToken));

    /// <param name="events">The app's one fan-out of notifications (a singleton, like the schema).</param>
    public static void AddNotificationSubscriptions(this ObjectGraphType subscription, NotificationEvents events) =>
        subscription.Field<NonNullGraphType<NotificationType>>("notificationAdded")
            .Description("The caller's new notifications as they are sent, on the same WebSocket as proposalVotesChanged. Texts come in the language of the "
                + "WebSocket's upgrade request (Accept-Language, or ?ui-culture=en). A sign-in not linked to a person gets a PERSON_NOT_LINKED error.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveStreamAsync(async ctx =>
            {
                var viewer = ctx.RequestServices!.GetRequiredService<Viewer>();
                if (await viewer.PersonIdAsync(ctx.CancellationToken) is not { } me)
                    throw new ExecutionError(PersonNotLinked.Instance.Message) { Code = IdentityErrorCodes.PersonNotLinked };
                return events.For(me);
            });
}

public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationEvents>();
        services.AddSingleton<IPostgresChannel>(sp => sp.GetRequiredService<NotificationEvents>());
        services.AddScoped<Notifier>().AddScoped<NotificationService>();
        services.AddFieldsFor<ViewerType, OwnNotifications>();
        return services.AddNodeSource<Notification>(NotificationType.TypeName,
            async (sp, n) => await sp.GetRequiredService<Viewer>().PersonIdAsync(CancellationToken.None) == n.RecipientPersonId);
    }
}
