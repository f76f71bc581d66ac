using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

public sealed class CompetitionFilter
{
    public List<CompetitionPhase>? Phases { get; set; }
    public bool ForMe { get; set; }
}

public sealed class CompetitionFilterType : InputObjectGraphType<CompetitionFilter>
{
    public CompetitionFilterType()
    {
        Name = "CompetitionFilter";
        Description = "Conditions a competition must meet. All given conditions must hold.";
        Field<ListGraphType<NonNullGraphType<CompetitionPhaseType>>>("phases")
            .Description("Only competitions in one of these phases now, e.g. [SUBMISSION, VOTING] for what an employee can take part in.");
        Field<BooleanGraphType>("forMe").Description("Only competitions the caller may take part in: those of their own unit or a unit above it. "
            + "Empty when the sign-in is not linked to a person. Default false.").DefaultValue(false);
    }
}

/// <summary>Finding competitions by what they are open for now, and the caller's own proposals and votes.</summary>
public sealed class CompetitionReads(AppDbContext db, Viewer viewer, TimeProvider clock)
{
    private static readonly KeysetOrder<IdeaCompetition> NewestCompetitionFirst = KeysetOrder<IdeaCompetition>.ById("newest", c => c.Id, descending: true);
    private static readonly KeysetOrder<Proposal> NewestProposalFirst = KeysetOrder<Proposal>.ById("newest", p => p.Id, descending: true);

    public async Task<Connection<IdeaCompetition>> CompetitionsAsync(IResolveFieldContext context)
    {
        var filter = context.GetArgument<CompetitionFilter?>("where") ?? new();
        var seesDrafts = viewer.IsInAnyRole(Roles.Managers);
        var ids = await IdsInPhaseAsync(phase => (filter.Phases is not { Count: > 0 } phases || phases.Contains(phase)) && (phase != CompetitionPhase.Draft || seesDrafts),
            context.CancellationToken);
        var competitions = db.Competitions().Where(c => ids.Contains(c.Id));
        if (filter.ForMe)
        {
            if (await viewer.OwnUnitAndAboveAsync(context.CancellationToken) is not { } mine) return Connection<IdeaCompetition>.Empty;
            competitions = competitions.Where(c => db.Initiatives().Any(i => i.Id == c.Id && mine.Contains(i.UnitId)));
        }
        return await competitions.ToConnectionAsync(NewestCompetitionFirst, PageRequest.From(context), context.CancellationToken);
    }

    /// <summary>What the caller wrote or co-authors, newest first, in every state.</summary>
    public async Task<Connection<Proposal>> MyProposalsAsync(IResolveFieldContext context)
    {
        if (await viewer.PersonIdAsync(context.CancellationToken) is not { } me) return Connection<Proposal>.Empty;
        return await db.Proposals().Where(p => db.ProposalAuthors().Any(a => a.ProposalId == p.Id && a.PersonId == me))
            .ToConnectionAsync(NewestProposalFirst, PageRequest.From(context), context.CancellationToken, me);
    }

    /// <summary>The proposals the caller voted for, in the competitions where voting is still open; for the caller alone.</summary>
    public async Task<Connection<Proposal>> MyVotesAsync(IResolveFieldContext context)
    {
        if (await viewer.PersonIdAsync(context.CancellationToken) is not { } me) return Connection<Proposal>.Empty;
        var open = await IdsInPhaseAsync(phase => phase == CompetitionPhase.Voting, context.CancellationToken);
        return await db.Proposals().Where(p => open.Contains(p.CompetitionId) && db.Votes().Any(v => v.ProposalId == p.Id && v.VoterPersonId == me))
            .ToConnectionAsync(NewestProposalFirst, PageRequest.From(context), context.CancellationToken, me);
    }

    /// <summary>
    /// The competitions whose phase now passes the test. A phase follows from the clock as well as the stored phase, so
    /// it is worked out here; a municipality runs a few competitions a year, so they are all read.
    /// </summary>
    private async Task<List<int>> IdsInPhaseAsync(Func<CompetitionPhase, bool> test, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await db.Competitions().ToListAsync(cancellationToken)).Where(c => test(c.PhaseAt(now))).Select(c => c.Id).ToList();
    }
}

public static class CompetitionQueries
{
    public static void AddCompetitionQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<IdeaCompetitionType, IdeaCompetition>>>("competitions")
            .Description("Idea competitions, newest first, e.g. those in SUBMISSION or VOTING for the caller (where: { phases: [SUBMISSION, VOTING], forMe: true }). "
                + "Competitions in DRAFT are listed for initiative managers and administrators only.")
            .PagingArguments()
            .Argument<CompetitionFilterType>("where", "Conditions a competition must meet.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<CompetitionReads>()
            .ResolveAsync(async (ctx, reads) => await reads.CompetitionsAsync(ctx));
}

/// <summary>me.proposals and me.votes: the caller's own part in the competitions.</summary>
public sealed class OwnCompetitionActivity : IFieldsFor<ViewerType>
{
    public void AddTo(ViewerType type)
    {
        type.Field<NonNullGraphType<ConnectionType<ProposalType, Proposal>>>("proposals")
            .Description("The proposals the caller wrote or co-authors, newest first, in every state and competition.")
            .PagingArguments()
            .Resolve().WithService<CompetitionReads>()
            .ResolveAsync(async (ctx, reads) => await reads.MyProposalsAsync(ctx));
        type.Field<NonNullGraphType<ConnectionType<ProposalType, Proposal>>>("votes")
            .Description("The proposals the caller voted for, in the competitions where voting is still open, newest first. Only the caller sees their own votes; "
                + "once voting closes they are no longer listed.")
            .PagingArguments()
            .Resolve().WithService<CompetitionReads>()
            .ResolveAsync(async (ctx, reads) => await reads.MyVotesAsync(ctx));
    }
}
