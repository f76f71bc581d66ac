using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>The competition's rules as plain code: what may happen to a proposal, when, and who may vote.</summary>
public static class ProposalRules
{
    public const int MaxTitleLength = 150;
    public const int MaxTextLength = 4000;
    public const int MaxCommentLength = 2000;
    public const int MaxCoAuthors = 10;

    private static readonly Dictionary<ProposalState, ProposalState[]> Transitions = new()
    {
        [ProposalState.Submitted] = [ProposalState.Accepted, ProposalState.Rejected, ProposalState.Merged, ProposalState.Withdrawn],
        [ProposalState.Accepted] = [ProposalState.Selected, ProposalState.Merged],
        [ProposalState.Selected] = [ProposalState.Realised],
    };

    /// <summary>The phases in which a proposal may be moved to each state.</summary>
    private static readonly Dictionary<ProposalState, CompetitionPhase[]> PhasesFor = new()
    {
        [ProposalState.Accepted] = [CompetitionPhase.Submission, CompetitionPhase.Review],
        [ProposalState.Rejected] = [CompetitionPhase.Submission, CompetitionPhase.Review],
        // Duplicates are often spotted only once voting shows them side by side.
        [ProposalState.Merged] = [CompetitionPhase.Submission, CompetitionPhase.Review, CompetitionPhase.Voting],
        [ProposalState.Withdrawn] = [CompetitionPhase.Submission],
        [ProposalState.Selected] = [CompetitionPhase.Closed, CompetitionPhase.ResultsPublished],
        [ProposalState.Realised] = [CompetitionPhase.Closed, CompetitionPhase.ResultsPublished],
    };

    public static bool CanMove(ProposalState from, ProposalState to) => Transitions.TryGetValue(from, out var next) && next.Contains(to);

    public static bool AllowedInPhase(ProposalState to, CompetitionPhase phase) => PhasesFor[to].Contains(phase);

    /// <summary>Why this vote may not be cast, or null. A repeated vote is fine: casting is idempotent.</summary>
    public static Refusal? CheckVote(CompetitionPhase phase, ProposalState state, bool isOwnProposal, bool allowSelfVoting)
    {
        if (phase != CompetitionPhase.Voting)
            return new VotingClosed(CompetitionTexts.VotingNotOpen.Format(phase.GraphQLName()), phase) { Field = null };
        if (state != ProposalState.Accepted)
            return new ProposalNotOpenForVoting(CompetitionTexts.NotOpenForVoting.Format(state.GraphQLName()), state) { Field = ["proposalId"] };
        if (isOwnProposal && !allowSelfVoting)
            return new OwnProposal(CompetitionTexts.OwnProposal.Format()) { Field = ["proposalId"] };
        return null;
    }

    /// <summary>Why a vote may not be taken back, or null. Retracting a vote that was not cast changes nothing.</summary>
    public static Refusal? CheckRetract(CompetitionPhase phase, ProposalState state) => CheckVote(phase, state, isOwnProposal: false, allowSelfVoting: true);

    /// <summary>A manager's reason (for rejecting, selecting, hiding): required, at most <see cref="MaxTextLength"/>. The trimmed reason, or null when refused.</summary>
    public static string? CheckReason(Refusals refusals, string reason)
    {
        var trimmed = reason.Trim();
        var before = refusals.All.Count;
        refusals.Required("reason", trimmed);
        refusals.MaxLength("reason", trimmed, MaxTextLength);
        return refusals.All.Count == before ? trimmed : null;
    }

    public static void CheckTexts(Refusals refusals, ProposalTexts texts)
    {
        foreach (var (field, value, max) in new[]
                 {
                     ("title", texts.Title, MaxTitleLength), ("summary", texts.Summary, MaxTextLength), ("problem", texts.Problem, MaxTextLength),
                     ("proposedSolution", texts.ProposedSolution, MaxTextLength), ("expectedBenefit", texts.ExpectedBenefit, MaxTextLength),
                 })
        {
            refusals.Required(field, value);
            refusals.MaxLength(field, value?.Trim(), max);
        }
    }
}
