using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
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

