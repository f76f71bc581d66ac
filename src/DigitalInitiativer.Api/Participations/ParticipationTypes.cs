using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Participations;

public sealed class ParticipationStatusType : EnumerationGraphType<ParticipationStatus>
{
    public ParticipationStatusType()
    {
        Name = "ParticipationStatus";
        Description = "How far a person got in an initiative. Maps onto xAPI verbs, so records from a learning system fit.";
    }
}

public sealed class ParticipationRoleType : EnumerationGraphType<ParticipationRole>
{
    public ParticipationRoleType()
    {
        Name = "ParticipationRole";
        Description = "How someone took part, after xAPI's verbs: in an offer, or in the idea competition.";
    }
}

public sealed class ParticipationType : NodeType<Participation>
{
    public const string TypeName = "Participation";

    public ParticipationType() : base(TypeName, "That a person took part in an initiative, shaped after an xAPI statement: actor (person), verb (status), object (initiative) and result (score).")
    {
        Field<NonNullGraphType<PersonType>>("person").Description("Who took part.").ResolveById<Participation, Person>(p => p.PersonId);
        Field<NonNullGraphType<InitiativeType>>("initiative").Description("What they took part in.").ResolveById<Participation, Initiative>(p => p.InitiativeId);
        Field<NonNullGraphType<ParticipationStatusType>>("status").Description("How far they got.").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateType>>("enrolledOn").Description("When they signed up.").Resolve(ctx => ctx.Source.EnrolledOn);
        Field<DateType>("startedOn").Description("When they started; null if they have not.").Resolve(ctx => ctx.Source.StartedOn);
        Field<DateType>("completedOn").Description("When they finished; null if they have not.").Resolve(ctx => ctx.Source.CompletedOn);
        Field<ParticipationRoleType>("role").Description("How the person took part: LEARNER or ATTENDEE in an offer; AUTHOR, CO_AUTHOR, COMMENTER or VOTER in the idea "
                + "competition, recorded once at its close (the most visible of what they did there). Null for a competition participation recorded by hand.")
            .Resolve().WithService<EntityLoader>().Resolve((ctx, load) => ctx.Source.Role is { } role ? new Loaded<ParticipationRole?>(role)
                : load.ById<Initiative>(ctx.Source.InitiativeId).Then(i => i is null ? null : ParticipationRoles.Of(ctx.Source, i.Kind)));
        Field(p => p.Visits).Description("How many of the initiative's sessions the person came to, as their hosts recorded it.");
        Field(p => p.Score, nullable: true).Description("The result as a percentage from 0 to 100 (xAPI result.score.scaled × 100); null when there is no score.");
    }
}

/// <summary>me.participations: what the caller took part in.</summary>
public sealed class OwnParticipations : IFieldsFor<ViewerType>
{
    public void AddTo(ViewerType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipationType>>>>("participations")
            .Description("Every initiative the caller has taken part in, most recent enrolment first.")
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) => ctx.Source.PersonId is { } id
                ? await db.Participations().Where(p => p.PersonId == id).OrderByDescending(p => p.EnrolledOn).ThenByDescending(p => p.Id).ToListAsync(ctx.CancellationToken)
                : []);
}
