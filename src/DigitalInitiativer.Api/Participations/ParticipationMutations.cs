using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Participations;

public sealed class RecordParticipationInput
{
    public string PersonId { get; set; } = "";
    public string InitiativeId { get; set; } = "";
    public ParticipationStatus Status { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public double? Score { get; set; }
}

public sealed class RecordParticipationsInput
{
    public List<RecordParticipationInput> Items { get; set; } = [];
}

public sealed record ParticipationsPayload(IReadOnlyList<Participation>? Participations, IReadOnlyList<UserError> Errors);

public sealed class RecordParticipationInputType : InputObjectGraphType<RecordParticipationInput>
{
    public RecordParticipationInputType()
    {
        Name = "RecordParticipationInput";
        Description = "That a person took part in an initiative. Recording the same person and initiative again updates the earlier record.";
        Field<NonNullGraphType<IdGraphType>>("personId").Description("Who took part.");
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("What they took part in.");
        Field<NonNullGraphType<ParticipationStatusType>>("status").Description("How far they got.");
        Field<NonNullGraphType<DateType>>("enrolledOn").Description("When they signed up.");
        Field<DateType>("startedOn").Description("When they started; not before enrolledOn.");
        Field<DateType>("completedOn").Description("When they finished; not before startedOn (or enrolledOn).");
        Field<FloatGraphType>("score").Description("The result as a percentage from 0 to 100.");
    }
}

public sealed class RecordParticipationsInputType : InputObjectGraphType<RecordParticipationsInput>
{
    public RecordParticipationsInputType()
    {
        Name = "RecordParticipationsInput";
        Description = $"Several participations to record together, all or nothing. At most {ParticipationMutations.MaxBatchSize} items.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordParticipationInputType>>>>("items").Description("The participations; at least one.");
    }
}

public sealed class RecordParticipationErrorType() : UserErrorUnion("RecordParticipationError", "recordParticipation",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public sealed class RecordParticipationsErrorType() : UserErrorUnion("RecordParticipationsError", "recordParticipations",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public sealed class RecordParticipationsPayloadType : ObjectGraphType<ParticipationsPayload>
{
    public RecordParticipationsPayloadType()
    {
        Name = "RecordParticipationsPayload";
        Description = "The result of recordParticipations.";
        Field<ListGraphType<NonNullGraphType<ParticipationType>>>("participations")
            .Description("The participations as saved, in the order of the items; null when there are errors.").Resolve(ctx => ctx.Source.Participations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordParticipationsErrorType>>>>("errors")
            .Description("Every problem in every item, each with a path such as [\"input\", \"items\", \"3\", \"personId\"] naming the item. "
                + "Empty on success; when not empty, nothing was saved.").Resolve(ctx => ctx.Source.Errors);
    }
}

public static class ParticipationMutations
{
    public const int MaxBatchSize = 1000;

    public static void AddParticipationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ParticipationType, Participation, RecordParticipationErrorType>>>("recordParticipation")
            .Description("Records that a person took part in an initiative, or updates the record for that person and initiative.")
            .Argument<NonNullGraphType<RecordParticipationInputType>>("input", "The participation.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx =>
            {
                var result = await RecordAsync(ctx.Db(), [ctx.GetArgument<RecordParticipationInput>("input")], item => ["input"], ctx.CancellationToken);
                return new Payload<Participation>(result.Participations?[0], result.Errors);
            });

        mutation.Field<NonNullGraphType<RecordParticipationsPayloadType>>("recordParticipations")
            .Description($"Records up to {MaxBatchSize} participations in one transaction: either all are saved, or none are and every failing item is reported.")
            .Argument<NonNullGraphType<RecordParticipationsInputType>>("input", "The participations.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx =>
            {
                var items = ctx.GetArgument<RecordParticipationsInput>("input").Items;
                var errors = new UserErrorList("input");
                if (items.Count == 0) errors.Invalid("items", ErrorCodes.EmptyList, "'items' must hold at least one participation.");
                if (items.Count > MaxBatchSize) errors.Invalid("items", ErrorCodes.TooManyItems, $"'items' holds {items.Count} participations; at most {MaxBatchSize} are allowed.");
                if (errors.Any) return new ParticipationsPayload(null, errors.Errors);
                return await RecordAsync(ctx.Db(), items, index => ["input", "items", index.ToString()], ctx.CancellationToken);
            });
    }

    private static async Task<ParticipationsPayload> RecordAsync(AppDbContext db, IReadOnlyList<RecordParticipationInput> items,
        Func<int, string[]> pathOf, CancellationToken cancellationToken)
    {
        var personKeys = items.Select(i => GlobalId.TryParseKey(i.PersonId, PersonType.TypeName)).OfType<int>().Distinct().ToList();
        var initiativeKeys = items.Select(i => GlobalId.TryParseKey(i.InitiativeId, InitiativeType.TypeName)).OfType<int>().Distinct().ToList();
        // An erased person is gone: recording them is NOT_FOUND, exactly as for an id that never existed.
        var persons = (await db.Persons().Where(p => personKeys.Contains(p.Id) && p.ErasedAtUtc == null).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var initiatives = (await db.Initiatives().Where(i => initiativeKeys.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();

        var errors = new UserErrorList();
        var pairs = new Dictionary<(int Person, int Initiative), int>();
        var resolved = new List<(int Person, int Initiative)>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var at = errors.At(pathOf(index));
            var person = GlobalId.TryParseKey(item.PersonId, PersonType.TypeName) is { } p && persons.Contains(p) ? p : (int?)null;
            var initiative = GlobalId.TryParseKey(item.InitiativeId, InitiativeType.TypeName) is { } i && initiatives.Contains(i) ? i : (int?)null;
            if (person is null) at.NotFound("personId", item.PersonId, "No person has this id.");
            if (initiative is null) at.NotFound("initiativeId", item.InitiativeId, "No initiative has this id.");
            ParticipationRules.Check(at, item);
            if (person is { } pp && initiative is { } ii)
            {
                if (pairs.TryGetValue((pp, ii), out var earlier))
                    at.Invalid("personId", ErrorCodes.DuplicateItem, $"Item {earlier} already records this person in this initiative.");
                else pairs[(pp, ii)] = index;
                resolved.Add((pp, ii));
            }
        }
        if (errors.Any) return new ParticipationsPayload(null, errors.Errors);

        var existing = await db.Participations().AsTracking()
            .Where(x => personKeys.Contains(x.PersonId) && initiativeKeys.Contains(x.InitiativeId))
            .ToListAsync(cancellationToken);
        var byPair = existing.ToDictionary(x => (x.PersonId, x.InitiativeId));
        var saved = new List<Participation>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var (person, initiative) = resolved[index];
            if (!byPair.TryGetValue((person, initiative), out var participation))
            {
                participation = new Participation { PersonId = person, InitiativeId = initiative };
                db.Participations().Add(participation);
            }
            var item = items[index];
            participation.Status = item.Status;
            participation.EnrolledOn = item.EnrolledOn;
            participation.StartedOn = item.StartedOn;
            participation.CompletedOn = item.CompletedOn;
            participation.Score = item.Score;
            saved.Add(participation);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ParticipationsPayload(saved, []);
    }
}

public static class ParticipationRules
{
    public static void Check(UserErrorList errors, RecordParticipationInput item)
    {
        errors.NotBefore("startedOn", item.StartedOn, "enrolledOn", item.EnrolledOn);
        if (item.StartedOn is not null) errors.NotBefore("completedOn", item.CompletedOn, "startedOn", item.StartedOn);
        else errors.NotBefore("completedOn", item.CompletedOn, "enrolledOn", item.EnrolledOn);
        if (item.Score is { } score && (double.IsNaN(score) || score < 0 || score > 100))
            errors.Invalid("score", ErrorCodes.OutOfRange, $"'score' must be between 0 and 100; it was {score}.");
    }
}
