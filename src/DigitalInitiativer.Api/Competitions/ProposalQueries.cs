using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>Reads for proposals, for one request. Counts and the caller's own votes are batched per page.</summary>
public sealed class ProposalReads(AppDbContext db, DataLoaderRegistry loaders, Viewer viewer, CompetitionStore store, TimeProvider clock)
{
    public async Task<Connection<Proposal>> ProposalsAsync(IResolveFieldContext context, IdeaCompetition competition)
    {
        var competitionId = competition.Id;
        var page = PageRequest.From(context);
        var filter = context.GetArgument<ProposalFilter?>("where");
        var proposals = db.Proposals().Where(p => p.CompetitionId == competitionId);
        if (filter?.States is { Count: > 0 } states) proposals = proposals.Where(p => states.Contains(p.State));
        if (filter?.UnitId is { } unitGlobalId)
        {
            var unitId = GlobalId.ParseKey(unitGlobalId, OrganisationUnitType.TypeName, "where.unitId");
            var units = UnitTree.IdsUnder(db, unitId);
            proposals = proposals.Where(p => units.Contains(p.UnitId));
        }
        if (!string.IsNullOrWhiteSpace(filter?.Text))
        {
            var text = filter.Text.Trim().ToLower();
            proposals = proposals.Where(p => p.Title.ToLower().Contains(text) || p.Summary.ToLower().Contains(text));
        }
        var order = context.GetArgument<ProposalOrder?>("order") ?? new();
        var descending = order.Direction == OrderDirection.Desc;
        var name = $"{order.Field}:{order.Direction}";
        if (order.Field != ProposalOrderField.Votes)
            return await proposals.ToConnectionAsync(KeysetOrder<Proposal>.ById(name, p => p.Id, descending), page, context.CancellationToken, competitionId);
        if (competition.VoteCountsHiddenAt(clock.GetUtcNow().UtcDateTime))
            throw new ExecutionError(CompetitionTexts.VoteCountsHidden.Format()) { Code = CompetitionErrorCodes.VoteCountsHidden };

        // Votes keep arriving while people page, so every page ranks by the votes as they stood at the first page:
        // those cast up to then, including any taken back since.
        var snapshot = page.Snapshot ?? await store.HighestVoteIdAsync(context.CancellationToken);
        var byVotes = KeysetOrder<Proposal>.By(name,
            p => db.Votes().Count(v => v.ProposalId == p.Id && v.Id <= snapshot)
                + db.VoteRetractions().Count(r => r.ProposalId == p.Id && r.VoteId <= snapshot && r.RetractedAfter >= snapshot),
            descending, p => p.Id, idDescending: false);
        return await proposals.ToConnectionAsync(byVotes, page, context.CancellationToken, competitionId, snapshot);
    }

    public async Task<IReadOnlyList<LeaderboardEntry>> LeaderboardAsync(IResolveFieldContext context, IdeaCompetition competition, int top)
    {
        if (top is < 1 or > PageRequest.MaxPageSize)
            throw new ExecutionError(CompetitionTexts.TopOutOfRange.Format(PageRequest.MaxPageSize)) { Code = ErrorCodes.PaginationOutOfRange };
        if (competition.VoteCountsHiddenAt(clock.GetUtcNow().UtcDateTime)) return [];
        var competitionId = competition.Id;
        ProposalState[] ranked = [ProposalState.Accepted, ProposalState.Selected, ProposalState.Realised];
        var rows = await db.Proposals()
            .Where(p => p.CompetitionId == competitionId && ranked.Contains(p.State))
            .Select(p => new { Proposal = p, Votes = db.Votes().Count(v => v.ProposalId == p.Id) })
            .OrderByDescending(x => x.Votes).ThenBy(x => x.Proposal.Id)
            .Take(top)
            .ToListAsync(context.CancellationToken);
        return rows.Select(r => new LeaderboardEntry(1 + rows.Count(o => o.Votes > r.Votes), r.Proposal, r.Votes)).ToList();
    }

    /// <summary>How many more votes the caller may cast in a competition; null when the sign-in is not linked to a person.</summary>
    public async Task<int?> ViewerVotesRemainingAsync(IdeaCompetition competition, CancellationToken cancellationToken)
    {
        if (await viewer.PersonIdAsync(cancellationToken) is not { } voter) return null;
        var used = await db.Votes().CountAsync(v => v.CompetitionId == competition.Id && v.VoterPersonId == voter, cancellationToken);
        return Math.Max(0, competition.VotesPerPerson - used);
    }

    /// <summary>The proposal's vote count; null while its competition hides counts.</summary>
    public IDataLoaderResult<int?> VoteCount(Proposal proposal)
    {
        return loaders.GetOrAdd<(int Proposal, int Competition), int?>("voteCounts", async (keys, ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var competitionIds = keys.Select(k => k.Competition).Distinct().ToList();
            var hiding = (await db.Competitions().Where(c => c.HideVoteCountsUntilClosed && competitionIds.Contains(c.Id)).ToListAsync(ct))
                .Where(c => c.VoteCountsHiddenAt(now)).Select(c => c.Id).ToHashSet();
            var shown = keys.Where(k => !hiding.Contains(k.Competition)).Select(k => k.Proposal).ToList();
            var counts = shown.Count == 0 ? [] : await db.Votes().Where(v => shown.Contains(v.ProposalId)).GroupBy(v => v.ProposalId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return keys.ToDictionary(k => k, k => hiding.Contains(k.Competition) ? null : (int?)counts.GetValueOrDefault(k.Proposal));
        }, null).Load((proposal.Id, proposal.CompetitionId));
    }

    public IDataLoaderResult<bool> ViewerHasVoted(int proposalId)
    {
        return loaders.GetOrAdd<int, bool>("viewerVotes", async (ids, ct) =>
        {
            if (await viewer.PersonIdAsync(ct) is not { } voter) return new Dictionary<int, bool>();
            var voted = await db.Votes().Where(v => v.VoterPersonId == voter && ids.Contains(v.ProposalId)).Select(v => v.ProposalId).ToListAsync(ct);
            return voted.ToDictionary(id => id, _ => true);
        }, false).Load(proposalId);
    }

    /// <summary>
    /// The authors as the caller may see them. Each author chose whether to hide their name; hidden authors are shown
    /// only to managers and to the authors they wrote the proposal with. Null when no author can be shown to the caller.
    /// </summary>
    public IDataLoaderResult<IReadOnlyList<ProposalAuthorView>?> Authors(Proposal proposal)
    {
        return loaders.GetOrAdd<int, IReadOnlyList<ProposalAuthorView>?>("proposalAuthors", async (ids, ct) =>
        {
            var me = await viewer.PersonIdAsync(ct);
            var seesHidden = viewer.IsInAnyRole(Roles.Managers);
            var rows = await db.ProposalAuthors().Where(a => ids.Contains(a.ProposalId)).ToListAsync(ct);
            return rows.GroupBy(a => a.ProposalId).ToDictionary(g => g.Key, g =>
            {
                // An author sees the hidden names of those they wrote with, not of authors merged in from another proposal.
                var mine = g.FirstOrDefault(a => a.PersonId == me);
                bool Shown(ProposalAuthor a) => seesHidden || !a.HideName || (mine is not null && a.MergedFromProposalId == mine.MergedFromProposalId);
                var shown = g.Where(Shown).OrderByDescending(a => a.IsLead)
                    .Select(a => new ProposalAuthorView(a.DisplayName, a.IsLead, a.PersonId == me)).ToList();
                return shown.Count == 0 ? null : (IReadOnlyList<ProposalAuthorView>?)shown;
            });
        }, null).Load(proposal.Id);
    }
}
