using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Participations;

public sealed class ParticipationStatusType : EnumerationGraphType<ParticipationStatus>
{
    public ParticipationStatusType()
    {
        Name = "ParticipationStatus";
        Description = "How far a person got in an initiative. Maps onto xAPI verbs, so records from a learning system fit.";
    }
}

public sealed class ParticipationType : NodeType<Participation>
{
    public const string TypeName = "Participation";

    public ParticipationType() : base(TypeName, "That a person took part in an initiative, shaped after an xAPI statement: actor (person), verb (status), object (initiative) and result (score).")
    {
        Field<NonNullGraphType<PersonType>>("person").Description("Who took part.").Resolve(ctx => ctx.LoadById<Person>(ctx.Source.PersonId));
        Field<NonNullGraphType<InitiativeType>>("initiative").Description("What they took part in.").Resolve(ctx => ctx.LoadById<Initiative>(ctx.Source.InitiativeId));
        Field<NonNullGraphType<ParticipationStatusType>>("status").Description("How far they got.").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateType>>("enrolledOn").Description("When they signed up.").Resolve(ctx => ctx.Source.EnrolledOn);
        Field<DateType>("startedOn").Description("When they started; null if they have not.").Resolve(ctx => ctx.Source.StartedOn);
        Field<DateType>("completedOn").Description("When they finished; null if they have not.").Resolve(ctx => ctx.Source.CompletedOn);
        Field(p => p.Score, nullable: true).Description("The result as a percentage from 0 to 100 (xAPI result.score.scaled × 100); null when there is no score.");
    }
}
