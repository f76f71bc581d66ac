using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.SeedWork;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Notifications;

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
        if (!input.All && ids.Count == 0) refusals.Invalid("ids", RefusalCodes.EmptyList, NotificationServiceTexts.NoneNamed.Format());
        if (ids.Count > MarkNotificationsReadInputType.MaxIds)
            refusals.Invalid("ids", RefusalCodes.TooManyItems, NotificationServiceTexts.TooMany.Format(MarkNotificationsReadInputType.MaxIds, ids.Count));
        if (refusals.Any) return refusals;
        var keys = ids.Select(id => GlobalId.TryParseKey(id, NotificationType.TypeName)).ToList();
        var mine = (await db.Notifications().Where(n => n.RecipientPersonId == me && keys.Contains(n.Id)).Select(n => n.Id).ToListAsync(cancellationToken)).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
            if (keys[i] is not { } key || !mine.Contains(key)) refusals.At("ids").NotFound(i.ToString(), ids[i], NotificationServiceTexts.NotYours.Format());
        if (refusals.Any) return refusals;

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications().Where(n => n.RecipientPersonId == me && n.ReadAtUtc == null && (input.All || mine.Contains(n.Id)))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAtUtc, now), cancellationToken);
        return new ViewerInfo(me, viewer.Roles);
    }
}
