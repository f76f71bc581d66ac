using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Notifications;

public sealed class NotificationKindType : EnumerationGraphType<NotificationKind>
{
    public NotificationKindType()
    {
        Name = "NotificationKind";
        Description = "What a notification is about. Branch on this; title and message are for people to read.";
    }
}

public sealed class NotificationType : NodeType<Notification>
{
    public const string TypeName = "Notification";

    public NotificationType() : base(TypeName, "A message to the caller about something that happened to what they wrote or were invited to. Only its recipient sees it.")
    {
        Field<NonNullGraphType<NotificationKindType>>("kind").Description("What happened.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Description("A short heading, in Danish unless the request asks for English (Accept-Language: en).")
            .Resolve().WithService<RequestLanguage>().Resolve((ctx, language) => NotificationTexts.For(ctx.Source.Kind, language.Language).Title);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What happened, in a sentence that names the subject, in Danish unless the request asks for English.")
            .Resolve().WithService<RequestLanguage>().Resolve((ctx, language) => string.Format(NotificationTexts.For(ctx.Source.Kind, language.Language).Message, ctx.Source.Subject));
        Field(n => n.Reason, nullable: true).Description("The reason a manager or moderator gave, as they wrote it; null when there is none.");
        Field<NodeInterface>("subject").Description("What the notification is about, e.g. the proposal; null when the caller may no longer see it.")
            .Resolve().WithService<IEnumerable<INodeSource>>().Resolve((ctx, sources) => NodeQueries.Lookup(sources, ctx.Source.SubjectId));
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When it was sent (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.CreatedAtUtc, DateTimeKind.Utc));
        Field<NonNullGraphType<BooleanGraphType>>("read").Description("Whether the caller marked it read (markNotificationsRead).").Resolve(ctx => ctx.Source.ReadAtUtc is not null);
    }
}

public sealed class NotificationConnectionType : ConnectionType<NotificationType, Notification>
{
    public NotificationConnectionType() =>
        Field<NonNullGraphType<IntGraphType>>("unreadCount").Description("How many of the caller's notifications are unread, whatever the filter and page.")
            .Resolve().WithServices<AppDbContext, Viewer>()
            .ResolveAsync(async (ctx, db, viewer) => await viewer.PersonIdAsync(ctx.CancellationToken) is { } me
                ? await db.Notifications().CountAsync(n => n.RecipientPersonId == me && n.ReadAtUtc == null, ctx.CancellationToken)
                : 0);
}

/// <summary>me.notifications: the caller's own, newest first.</summary>
public sealed class OwnNotifications : IFieldsFor<ViewerType>
{
    private static readonly KeysetOrder<Notification> NewestFirst = KeysetOrder<Notification>.ById("newest", n => n.Id, descending: true);

    public void AddTo(ViewerType type) =>
        type.Field<NonNullGraphType<NotificationConnectionType>>("notifications")
            .Description("The caller's notifications, newest first, with how many are unread. Live as they come: the notificationAdded subscription.")
            .PagingArguments()
            .Argument<BooleanGraphType>("unreadOnly", "Only unread notifications. Default false.", a => a.DefaultValue = false)
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) =>
            {
                if (ctx.Source.PersonId is not { } me) return Connection<Notification>.Empty;
                var mine = db.Notifications().Where(n => n.RecipientPersonId == me);
                if (ctx.GetArgument<bool>("unreadOnly")) mine = mine.Where(n => n.ReadAtUtc == null);
                return await mine.ToConnectionAsync(NewestFirst, PageRequest.From(ctx), ctx.CancellationToken, me);
            });
}

public sealed class MarkNotificationsReadInput
{
    public List<string>? Ids { get; set; }
    public bool All { get; set; }
}

public sealed class MarkNotificationsReadInputType : InputObjectGraphType<MarkNotificationsReadInput>
{
    public const int MaxIds = 100;

    public MarkNotificationsReadInputType()
    {
        Name = "MarkNotificationsReadInput";
        Description = "Which of the caller's notifications to mark read: some by id, or all.";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ids").Description($"The notifications, at most {MaxIds}; each must be the caller's.");
        Field<BooleanGraphType>("all").Description("Mark every notification of the caller read. Default false.").DefaultValue(false);
    }
}

public sealed class MarkNotificationsReadErrorType() : UserErrorUnion("MarkNotificationsReadError", "markNotificationsRead",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(PersonNotLinkedErrorType));

/// <summary>Marking read: each id must be one of the caller's own, or nothing changes.</summary>
public sealed class NotificationService(AppDbContext db, Viewer viewer, TimeProvider clock)
{
    public async Task<Result<ViewerInfo>> MarkReadAsync(MarkNotificationsReadInput input, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } me) return PersonNotLinked.Instance;
        var ids = input.Ids ?? [];
        var refusals = new Refusals();
        if (!input.All && ids.Count == 0) refusals.Invalid("ids", RefusalCodes.EmptyList, "Name the notifications to mark read, or set 'all'.");
        if (ids.Count > MarkNotificationsReadInputType.MaxIds)
            refusals.Invalid("ids", RefusalCodes.TooManyItems, $"At most {MarkNotificationsReadInputType.MaxIds} notifications at once; {ids.Count} were named. Use 'all' for every one.");
        if (refusals.Any) return refusals;
        var keys = ids.Select(id => GlobalId.TryParseKey(id, NotificationType.TypeName)).ToList();
        var mine = (await db.Notifications().Where(n => n.RecipientPersonId == me && keys.Contains(n.Id)).Select(n => n.Id).ToListAsync(cancellationToken)).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
            if (keys[i] is not { } key || !mine.Contains(key)) refusals.At("ids").NotFound(i.ToString(), ids[i], "You have no notification with this id.");
        if (refusals.Any) return refusals;

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications().Where(n => n.RecipientPersonId == me && n.ReadAtUtc == null && (input.All || mine.Contains(n.Id)))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAtUtc, now), cancellationToken);
        return new ViewerInfo(me, viewer.Roles);
    }
}

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
