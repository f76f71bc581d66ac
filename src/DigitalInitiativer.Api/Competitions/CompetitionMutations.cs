using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

public sealed class CompetitionRulesInput
{
    public int VotesPerPerson { get; set; }
    public bool AllowSelfVoting { get; set; }
    public int ProposalsPerPerson { get; set; }
}

public sealed class CompetitionScheduleInput
{
    public DateTime? SubmissionOpensAt { get; set; }
    public DateTime? ReviewStartsAt { get; set; }
    public DateTime? VotingOpensAt { get; set; }
    public DateTime? VotingClosesAt { get; set; }
    public DateTime? ResultsPublishedAt { get; set; }
}

public sealed class ConfigureCompetitionInput
{
    public string CompetitionId { get; set; } = "";
    public CompetitionRulesInput? Rules { get; set; }
    public CompetitionScheduleInput? Schedule { get; set; }
}

public sealed class CompetitionRulesInputType : InputObjectGraphType<CompetitionRulesInput>
{
    public CompetitionRulesInputType()
    {
        Name = "CompetitionRulesInput";
        Description = "A competition's rules.";
        Field<NonNullGraphType<IntGraphType>>("votesPerPerson").Description("Votes each person may cast, 1 to 50.");
        Field<NonNullGraphType<BooleanGraphType>>("allowSelfVoting").Description("Whether authors may vote for their own proposals.");
        Field<NonNullGraphType<IntGraphType>>("proposalsPerPerson").Description("Proposals each person may submit as lead author, 1 to 20.");
    }
}

public sealed class CompetitionScheduleInputType : InputObjectGraphType<CompetitionScheduleInput>
{
    public CompetitionScheduleInputType()
    {
        Name = "CompetitionScheduleInput";
        Description = "When each phase starts, as ISO 8601 date-times. Given times must be in phase order. The whole schedule is replaced.";
        Field<DateTimeGraphType>("submissionOpensAt").Description("When SUBMISSION starts.");
        Field<DateTimeGraphType>("reviewStartsAt").Description("When REVIEW starts.");
        Field<DateTimeGraphType>("votingOpensAt").Description("When VOTING starts.");
        Field<DateTimeGraphType>("votingClosesAt").Description("When voting ends (CLOSED).");
        Field<DateTimeGraphType>("resultsPublishedAt").Description("When RESULTS_PUBLISHED starts.");
    }
}

public sealed class ConfigureCompetitionInputType : InputObjectGraphType<ConfigureCompetitionInput>
{
    public ConfigureCompetitionInputType()
    {
        Name = "ConfigureCompetitionInput";
        Description = "New rules and/or a new schedule for a competition.";
        Field<NonNullGraphType<IdGraphType>>("competitionId").Description("The competition.");
        Field<CompetitionRulesInputType>("rules").Description("New rules; they cannot change once voting has opened.");
        Field<CompetitionScheduleInputType>("schedule").Description("A new schedule.");
    }
}

public sealed class AdvanceCompetitionPhaseInputType : InputObjectGraphType
{
    public AdvanceCompetitionPhaseInputType()
    {
        Name = "AdvanceCompetitionPhaseInput";
        Description = "Moves a competition to a later phase by hand, ahead of its schedule.";
        Field<NonNullGraphType<IdGraphType>>("competitionId").Description("The competition.");
        Field<NonNullGraphType<CompetitionPhaseType>>("to").Description("The phase to move to; it must come after the current one.");
    }
}

public sealed class ConfigureCompetitionErrorType() : UserErrorUnion("ConfigureCompetitionError", "configureCompetition",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(RulesLockedErrorType));

public sealed class AdvanceCompetitionPhaseErrorType() : UserErrorUnion("AdvanceCompetitionPhaseError", "advanceCompetitionPhase",
    typeof(NotFoundErrorType), typeof(PhaseBackwardsErrorType));

public static class CompetitionMutations
{
    public static void AddCompetitionMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<IdeaCompetitionType, IdeaCompetition, ConfigureCompetitionErrorType>>>("configureCompetition")
            .Description("Sets a competition's rules and/or schedule.")
            .Argument<NonNullGraphType<ConfigureCompetitionInputType>>("input", "The rules and schedule.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx => await ConfigureAsync(ctx.Db(), ctx.GetArgument<ConfigureCompetitionInput>("input"), ctx.Now(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<IdeaCompetitionType, IdeaCompetition, AdvanceCompetitionPhaseErrorType>>>("advanceCompetitionPhase")
            .Description("Moves a competition on to a later phase by hand. Phases never move backwards.")
            .Argument<NonNullGraphType<AdvanceCompetitionPhaseInputType>>("input", "The competition and the phase.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var db = ctx.Db();
                var globalId = (string)input["competitionId"]!;
                if (await FindAsync(db, globalId, ctx.CancellationToken) is not { } competition)
                    return Payload<IdeaCompetition>.Failed(new NotFoundError("No competition has this id.", ["input", "competitionId"], globalId));
                var to = (CompetitionPhase)input["to"]!;
                var current = competition.PhaseAt(ctx.Now());
                if (to <= current)
                    return Payload<IdeaCompetition>.Failed(new PhaseBackwardsError($"The competition is in {current.GraphQLName()}; it can only move forward.", ["input", "to"], current));
                await using var transaction = await db.Database.BeginTransactionAsync(ctx.CancellationToken);
                competition.ManualPhase = to;
                await db.SaveChangesAsync(ctx.CancellationToken);
                if (to >= CompetitionPhase.Closed) await CompetitionParticipation.RecordOnceAsync(db, competition.Id, ctx.Now(), ctx.CancellationToken);
                await transaction.CommitAsync(ctx.CancellationToken);
                return Payload<IdeaCompetition>.Ok(competition);
            });
    }

    internal static async Task<IdeaCompetition?> FindAsync(AppDbContext db, string globalId, CancellationToken cancellationToken) =>
        GlobalId.TryParseKey(globalId, IdeaCompetitionType.TypeName) is { } id
            ? await db.Competitions().AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;

    private static async Task<Payload<IdeaCompetition>> ConfigureAsync(AppDbContext db, ConfigureCompetitionInput input, DateTime now, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, input.CompetitionId, cancellationToken) is not { } competition)
            return Payload<IdeaCompetition>.Failed(new NotFoundError("No competition has this id.", ["input", "competitionId"], input.CompetitionId));
        var errors = new UserErrorList("input");
        if (input.Rules is { } rules)
        {
            if (competition.PhaseAt(now) >= CompetitionPhase.Voting)
                return Payload<IdeaCompetition>.Failed(new RulesLockedError("Voting has opened, so the rules can no longer change.", ["input", "rules"]));
            var at = errors.At("rules");
            if (rules.VotesPerPerson is < 1 or > 50) at.Invalid("votesPerPerson", ErrorCodes.OutOfRange, "'votesPerPerson' must be between 1 and 50.");
            if (rules.ProposalsPerPerson is < 1 or > 20) at.Invalid("proposalsPerPerson", ErrorCodes.OutOfRange, "'proposalsPerPerson' must be between 1 and 20.");
            competition.VotesPerPerson = rules.VotesPerPerson;
            competition.AllowSelfVoting = rules.AllowSelfVoting;
            competition.ProposalsPerPerson = rules.ProposalsPerPerson;
        }
        if (input.Schedule is { } schedule)
        {
            var times = new (string Field, DateTime? At)[]
            {
                ("submissionOpensAt", schedule.SubmissionOpensAt), ("reviewStartsAt", schedule.ReviewStartsAt), ("votingOpensAt", schedule.VotingOpensAt),
                ("votingClosesAt", schedule.VotingClosesAt), ("resultsPublishedAt", schedule.ResultsPublishedAt),
            }.Where(t => t.At is not null).ToList();
            for (var i = 1; i < times.Count; i++)
                if (times[i].At < times[i - 1].At)
                    errors.At("schedule").Invalid(times[i].Field, ErrorCodes.EndBeforeStart, $"'{times[i].Field}' is before '{times[i - 1].Field}'; phases must be in order.");
            competition.SubmissionOpensAtUtc = schedule.SubmissionOpensAt?.ToUniversalTime();
            competition.ReviewStartsAtUtc = schedule.ReviewStartsAt?.ToUniversalTime();
            competition.VotingOpensAtUtc = schedule.VotingOpensAt?.ToUniversalTime();
            competition.VotingClosesAtUtc = schedule.VotingClosesAt?.ToUniversalTime();
            competition.ResultsPublishedAtUtc = schedule.ResultsPublishedAt?.ToUniversalTime();
        }
        if (errors.Any) return Payload<IdeaCompetition>.Failed(errors);
        await db.SaveChangesAsync(cancellationToken);
        return Payload<IdeaCompetition>.Ok(competition);
    }
}
