using System.ComponentModel;
using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Data;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>A proposal for a digital solution, submitted to an idea competition.</summary>
public sealed class Proposal : IEntity
{
    public int Id { get; set; }
    public int CompetitionId { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Problem { get; set; }
    public required string ProposedSolution { get; set; }
    public required string ExpectedBenefit { get; set; }
    public int UnitId { get; set; }
    public ProposalState State { get; set; } = ProposalState.Submitted;
    public bool HideAuthorNames { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public string? RejectionReason { get; set; }
    public int? MergedIntoId { get; set; }

    public DateOnly? RealisedOn { get; set; }
    public string? RealisationDescription { get; set; }
    public int? RealisedAsInitiativeId { get; set; }
    public string? RealisedAsSolution { get; set; }
}

public enum ProposalState
{
    [Description("Submitted and waiting for review.")]
    Submitted = 1,

    [Description("Accepted by the managers and open for voting.")]
    Accepted = 2,

    [Description("Rejected by the managers, with a reason.")]
    Rejected = 3,

    [Description("Merged into another proposal, which took over its votes and authors.")]
    Merged = 4,

    [Description("Selected as a winner.")]
    Selected = 5,

    [Description("Built: a realisation record says when and what.")]
    Realised = 6,

    [Description("Withdrawn by its authors.")]
    Withdrawn = 7,
}

/// <summary>A person who wrote a proposal. The lead author submitted it; co-authors were invited by them and accepted.</summary>
public sealed class ProposalAuthor : IPersonData
{
    public int ProposalId { get; set; }
    public int PersonId { get; set; }
    public bool IsLead { get; set; }

    /// <summary>The name shown to colleagues, from the sign-in token's name claim; never used for survey data.</summary>
    public string? DisplayName { get; set; }

    /// <summary>This author's own choice to hide their name from other employees; only they change it. It travels with them when proposals merge.</summary>
    public bool HideName { get; set; }

    /// <summary>
    /// Null for the proposal's own authors; for authors who came over in a merge, the proposal they wrote. Authors see
    /// each other's hidden names, and may change the proposal, only with those they wrote it with.
    /// </summary>
    public int? MergedFromProposalId { get; set; }

    int IPersonData.SubjectPersonId => PersonId;
}

/// <summary>
/// A lead author's invitation to a colleague to co-author their proposal. Nobody becomes an author, or counts as
/// taking part, without accepting.
/// </summary>
public sealed class CoAuthorInvitation
{
    public int ProposalId { get; set; }
    public int PersonId { get; set; }
    public CoAuthorInvitationState State { get; set; } = CoAuthorInvitationState.Pending;
    public DateTime InvitedAtUtc { get; set; }
}

public enum CoAuthorInvitationState
{
    [Description("Waiting for the invited colleague's answer.")]
    Pending = 1,

    [Description("Accepted: the colleague is a co-author.")]
    Accepted = 2,

    [Description("Declined: the colleague is not a co-author.")]
    Declined = 3,
}

/// <summary>One vote. Secret: nothing in the schema exposes who cast it, and no time is stored.</summary>
public sealed class Vote
{
    public int Id { get; set; }
    public int CompetitionId { get; set; }
    public int ProposalId { get; set; }

    /// <summary>Who voted, so nobody votes twice; null once the voter's data was erased, when the vote still counts but belongs to nobody.</summary>
    public int? VoterPersonId { get; set; }
}

/// <summary>
/// How many votes a person has used in a competition. A conditional UPDATE on this row is what keeps the
/// budget exact under concurrent votes, in SQLite and PostgreSQL alike.
/// </summary>
public sealed class Ballot
{
    public int CompetitionId { get; set; }
    public int VoterPersonId { get; set; }
    public int VotesUsed { get; set; }
}

public sealed class ProposalComment : IEntity
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int AuthorPersonId { get; set; }
    public string? AuthorDisplayName { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? HiddenReason { get; set; }
}
