using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>
/// The vote budget's arithmetic where it is kept, in <see cref="CompetitionStore"/>'s statements, on a real database
/// and without HTTP: the demo's 2026 competition gives 5 votes each, and demo-0001 to demo-0099 have not voted.
/// </summary>
public sealed class VoteBudgetTests : IDisposable
{
    private readonly ScratchDatabase _database = new(withDemoData: true);

    public void Dispose() => _database.Dispose();

    private async Task<(IdeaCompetition Competition, int[] Proposals, int Voter)> OpenCompetitionAsync(string voterKey)
    {
        await using var db = _database.Open();
        var competition = await db.Competitions().SingleAsync(c => c.Initiative!.Code == "IDEA-2026");
        var proposals = await db.Proposals().Where(p => p.CompetitionId == competition.Id && p.State == ProposalState.Accepted).OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync();
        var voter = await db.Persons().Where(p => p.Key == voterKey).Select(p => p.Id).SingleAsync();
        return (competition, proposals, voter);
    }

    private async Task<VoteOutcome> CastAsync(IdeaCompetition competition, int proposal, int voter)
    {
        await using var db = _database.Open();
        return (await new CompetitionStore(db).CastAsync(competition, proposal, voter, announce: true, CancellationToken.None)).Outcome;
    }

    private async Task<int> VotesUsedAsync(int competition, int voter)
    {
        await using var db = _database.Open();
        return await db.Ballots().Where(b => b.CompetitionId == competition && b.VoterPersonId == voter).Select(b => b.VotesUsed).SingleAsync();
    }

    [Fact]
    public async Task A_voter_casts_up_to_the_budget_a_repeat_costs_nothing_and_a_retraction_gives_one_back()
    {
        var (competition, proposals, voter) = await OpenCompetitionAsync("demo-0005");
        Assert.Equal(5, competition.VotesPerPerson);
        Assert.Equal(6, proposals.Length);

        foreach (var proposal in proposals.Take(5)) Assert.Equal(VoteOutcome.Changed, await CastAsync(competition, proposal, voter));
        Assert.Equal(VoteOutcome.Unchanged, await CastAsync(competition, proposals[0], voter));
        Assert.Equal(VoteOutcome.BudgetExhausted, await CastAsync(competition, proposals[5], voter));
        Assert.Equal(5, await VotesUsedAsync(competition.Id, voter));

        await using (var db = _database.Open())
        {
            Assert.Equal(VoteOutcome.Changed, (await new CompetitionStore(db).RetractAsync(competition.Id, proposals[0], voter, announce: true, CancellationToken.None)).Outcome);
            Assert.Equal(VoteOutcome.Unchanged, (await new CompetitionStore(db).RetractAsync(competition.Id, proposals[0], voter, announce: true, CancellationToken.None)).Outcome);
        }
        Assert.Equal(4, await VotesUsedAsync(competition.Id, voter));
        Assert.Equal(VoteOutcome.Changed, await CastAsync(competition, proposals[5], voter));
        Assert.Equal(5, await VotesUsedAsync(competition.Id, voter));
    }

    [Fact]
    public async Task Votes_cast_at_the_same_time_never_exceed_the_budget()
    {
        var (competition, proposals, voter) = await OpenCompetitionAsync("demo-0006");

        var outcomes = await Task.WhenAll(proposals.Select(proposal => Task.Run(() => CastAsync(competition, proposal, voter))));

        Assert.Equal(5, outcomes.Count(o => o == VoteOutcome.Changed));
        Assert.Equal(1, outcomes.Count(o => o == VoteOutcome.BudgetExhausted));
        Assert.Equal(5, await VotesUsedAsync(competition.Id, voter));
        await using var db = _database.Open();
        Assert.Equal(5, await db.Votes().CountAsync(v => v.CompetitionId == competition.Id && v.VoterPersonId == voter));
    }

    /// <summary>The interleaving a merge during VOTING makes possible: the voter's checks passed, then the proposal was merged away before their vote ran.</summary>
    [Fact]
    public async Task A_vote_that_runs_after_its_proposal_was_merged_away_is_refused_and_costs_nothing()
    {
        var (competition, proposals, voter) = await OpenCompetitionAsync("demo-0031");
        await using (var db = _database.Open())
            await db.Proposals().Where(p => p.Id == proposals[0]).ExecuteUpdateAsync(p => p.SetProperty(x => x.State, ProposalState.Merged));

        Assert.Equal(VoteOutcome.NotOpenForVoting, await CastAsync(competition, proposals[0], voter));
        await using var check = _database.Open();
        Assert.False(await check.Votes().AnyAsync(v => v.ProposalId == proposals[0] && v.VoterPersonId == voter));
        Assert.False(await check.Ballots().AnyAsync(b => b.CompetitionId == competition.Id && b.VoterPersonId == voter && b.VotesUsed > 0));
    }
}
