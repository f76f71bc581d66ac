using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

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

    public ParticipationRecord Record => new(Status, EnrolledOn, StartedOn, CompletedOn, Score);
}

public sealed class RecordParticipationsInput
{
    public List<RecordParticipationInput> Items { get; set; } = [];
}

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
        Description = $"Several participations to record together, all or nothing. At most {ParticipationService.MaxBatchSize} items.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordParticipationInputType>>>>("items").Description("The participations; at least one.");
    }
}

public sealed class RecordParticipationErrorType() : UserErrorUnion("RecordParticipationError", "recordParticipation",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public sealed class RecordParticipationsErrorType() : UserErrorUnion("RecordParticipationsError", "recordParticipations",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public sealed class RecordParticipationsPayloadType : ObjectGraphType<Result<IReadOnlyList<Participation>>>
{
    public RecordParticipationsPayloadType()
    {
        Name = "RecordParticipationsPayload";
        Description = "The result of recordParticipations.";
        Field<ListGraphType<NonNullGraphType<ParticipationType>>>("participations")
            .Description("The participations as saved, in the order of the items; null when there are errors.").Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordParticipationsErrorType>>>>("errors")
            .Description("Every problem in every item, each with a path such as [\"input\", \"items\", \"3\", \"personId\"] naming the item. "
                + "Empty on success; when not empty, nothing was saved.").Resolve(ctx => ctx.Source.Refusals);
    }
}

public static class ParticipationMutations
{
    public static void AddParticipationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ParticipationType, Participation, RecordParticipationErrorType>>>("recordParticipation")
            .Description("Records that a person took part in an initiative, or updates the record for that person and initiative.")
            .Argument<NonNullGraphType<RecordParticipationInputType>>("input", "The participation.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<ParticipationService>()
            .ResolveAsync(async (ctx, participations) => await participations.RecordAsync(ctx.GetArgument<RecordParticipationInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<RecordParticipationsPayloadType>>("recordParticipations")
            .Description($"Records up to {ParticipationService.MaxBatchSize} participations in one transaction: either all are saved, or none are and every failing item is reported.")
            .Argument<NonNullGraphType<RecordParticipationsInputType>>("input", "The participations.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<ParticipationService>()
            .ResolveAsync(async (ctx, participations) => await participations.RecordManyAsync(ctx.GetArgument<RecordParticipationsInput>("input").Items, ctx.CancellationToken));
    }
}
