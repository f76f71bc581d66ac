using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.SeedWork;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Competitions;

public sealed class CompetitionRulesInput
{
    public int VotesPerPerson { get; set; }
    public bool AllowSelfVoting { get; set; }
    public int ProposalsPerPerson { get; set; }
    public bool? HideVoteCountsUntilClosed { get; set; }

    /// <summary>The rules asked for; hidden counts stay as they are unless given, so a client that does not know them never turns them off.</summary>
    public CompetitionRules ToRules(IdeaCompetition current) =>
        new(VotesPerPerson, AllowSelfVoting, ProposalsPerPerson, HideVoteCountsUntilClosed ?? current.HideVoteCountsUntilClosed);
}

public sealed class CompetitionScheduleInput
{
    public DateTime? SubmissionOpensAt { get; set; }
    public DateTime? ReviewStartsAt { get; set; }
    public DateTime? VotingOpensAt { get; set; }
    public DateTime? VotingClosesAt { get; set; }
    public DateTime? ResultsPublishedAt { get; set; }

    public CompetitionSchedule ToSchedule() => new(SubmissionOpensAt, ReviewStartsAt, VotingOpensAt, VotingClosesAt, ResultsPublishedAt);
}

public sealed class ConfigureCompetitionInput
{
    public string CompetitionId { get; set; } = "";
    public CompetitionRulesInput? Rules { get; set; }
    public CompetitionScheduleInput? Schedule { get; set; }
}

public sealed class AdvanceCompetitionPhaseInput
{
    public string CompetitionId { get; set; } = "";
    public CompetitionPhase To { get; set; }
}

public sealed class SubmitProposalInput
{
    public string CompetitionId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Problem { get; set; } = "";
    public string ProposedSolution { get; set; } = "";
    public string ExpectedBenefit { get; set; } = "";
    public string UnitId { get; set; } = "";
    public List<string>? CoAuthorIds { get; set; }
    public bool HideAuthorNames { get; set; }

    public ProposalTexts Texts => new(Title, Summary, Problem, ProposedSolution, ExpectedBenefit);
}

/// <summary>An author's changes: a field left out keeps its value.</summary>
public sealed record UpdateProposalInput(string ProposalId, Optional<string?> Title, Optional<string?> Summary, Optional<string?> Problem,
    Optional<string?> ProposedSolution, Optional<string?> ExpectedBenefit, Optional<bool?> HideAuthorNames);

public sealed class ProposalIdInput
{
    public string ProposalId { get; set; } = "";
}

public sealed class RejectProposalInput
{
    public string ProposalId { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed class MergeProposalInput
{
    public string ProposalId { get; set; } = "";
    public string IntoProposalId { get; set; } = "";
}

public sealed class SelectProposalInput
{
    public string ProposalId { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed class RealiseProposalInput
{
    public string ProposalId { get; set; } = "";
    public RealisationStatus? Status { get; set; }
    public DateOnly? RealisedOn { get; set; }
    public string Description { get; set; } = "";
    public string? InitiativeId { get; set; }
    public string? Solution { get; set; }
}

public sealed class AddCommentInput
{
    public string ProposalId { get; set; } = "";
    public string? ReplyToId { get; set; }
    public string Text { get; set; } = "";
}

public sealed class HideCommentInput
{
    public string CommentId { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed class CoAuthorshipInput
{
    public string ProposalId { get; set; } = "";
    public bool? HideName { get; set; }
}

public sealed class CompetitionRulesInputType : InputObjectGraphType<CompetitionRulesInput>
{
    public CompetitionRulesInputType()
    {
        Name = "CompetitionRulesInput";
        Description = "A competition's rules.";
        Field<NonNullGraphType<IntGraphType>>("votesPerPerson").Description($"Votes each person may cast, 1 to {CompetitionRules.MaxVotesPerPerson}.");
        Field<NonNullGraphType<BooleanGraphType>>("allowSelfVoting").Description("Whether authors may vote for their own proposals.");
        Field<NonNullGraphType<IntGraphType>>("proposalsPerPerson").Description($"Proposals each person may submit as lead author, 1 to {CompetitionRules.MaxProposalsPerPerson}.");
        Field<BooleanGraphType>("hideVoteCountsUntilClosed").Description("Hide vote counts from everyone, managers included, until voting closes. Left out, it stays as it is "
            + "(off for a new competition).");
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
        Field<CompetitionScheduleInputType>("schedule").Description("A new schedule. It cannot move the competition back to an earlier phase (PHASE_BACKWARDS).");
    }
}

public sealed class AdvanceCompetitionPhaseInputType : InputObjectGraphType<AdvanceCompetitionPhaseInput>
{
    public AdvanceCompetitionPhaseInputType()
    {
        Name = "AdvanceCompetitionPhaseInput";
        Description = "Moves a competition to a later phase by hand, ahead of its schedule.";
        Field<NonNullGraphType<IdGraphType>>("competitionId").Description("The competition.");
        Field<NonNullGraphType<CompetitionPhaseType>>("to").Description("The phase to move to; it must come after the current one.");
    }
}

public sealed class SubmitProposalInputType : InputObjectGraphType<SubmitProposalInput>
{
    public SubmitProposalInputType()
    {
        Name = "SubmitProposalInput";
        Description = "A new proposal. The caller becomes its lead author.";
        Field<NonNullGraphType<IdGraphType>>("competitionId").Description("The competition, which must be in SUBMISSION.");
        Field<NonNullGraphType<StringGraphType>>("title").Description($"The title, 1 to {ProposalRules.MaxTitleLength} characters.");
        Field<NonNullGraphType<StringGraphType>>("summary").Description($"A short summary, at most {ProposalRules.MaxTextLength} characters.");
        Field<NonNullGraphType<StringGraphType>>("problem").Description("The problem in daily work it solves.");
        Field<NonNullGraphType<StringGraphType>>("proposedSolution").Description("The proposed digital solution.");
        Field<NonNullGraphType<StringGraphType>>("expectedBenefit").Description("What it is expected to bring.");
        Field<NonNullGraphType<IdGraphType>>("unitId").Description("The unit the proposal comes from.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("coAuthorIds")
            .Description($"Colleagues to invite as co-authors (Person ids), at most {ProposalRules.MaxCoAuthors}, not yourself. Each is asked first: they become co-authors only when they accept (acceptCoAuthorship).");
        Field<BooleanGraphType>("hideAuthorNames").Description("Hide the authors' names from other employees; managers still see them. Default false.").DefaultValue(false);
    }
}

public sealed class UpdateProposalInputType : InputObjectGraphType<UpdateProposalInput>
{
    public UpdateProposalInputType()
    {
        Name = "UpdateProposalInput";
        Description = "Changes to a proposal by one of its authors, during SUBMISSION. Fields left out keep their value.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.");
        Field<StringGraphType>("title").Description("A new title.");
        Field<StringGraphType>("summary").Description("A new summary.");
        Field<StringGraphType>("problem").Description("A new problem description.");
        Field<StringGraphType>("proposedSolution").Description("A new solution description.");
        Field<StringGraphType>("expectedBenefit").Description("A new benefit description.");
        Field<BooleanGraphType>("hideAuthorNames").Description("Hide or show the caller's own name to other employees; each author decides for themselves. "
            + "The lead author's choice is also what colleagues who accept later start with.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new UpdateProposalInput((string)value["proposalId"]!,
        value.Given<string?>("title"), value.Given<string?>("summary"), value.Given<string?>("problem"),
        value.Given<string?>("proposedSolution"), value.Given<string?>("expectedBenefit"), value.Given<bool?>("hideAuthorNames"));
}

public sealed class ProposalIdInputType : InputObjectGraphType<ProposalIdInput>
{
    public ProposalIdInputType()
    {
        Name = "ProposalIdInput";
        Description = "Names one proposal.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.");
    }
}

public sealed class RejectProposalInputType : InputObjectGraphType<RejectProposalInput>
{
    public RejectProposalInputType()
    {
        Name = "RejectProposalInput";
        Description = "Rejects a submitted proposal, with a reason the authors and colleagues can read.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why it is rejected.");
    }
}

public sealed class MergeProposalInputType : InputObjectGraphType<MergeProposalInput>
{
    public MergeProposalInputType()
    {
        Name = "MergeProposalInput";
        Description = "Merges a proposal into another in the same competition. Its votes and authors move to the other proposal.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal to merge away.");
        Field<NonNullGraphType<IdGraphType>>("intoProposalId").Description("The proposal that takes it over.");
    }
}

public sealed class RealiseProposalInputType : InputObjectGraphType<RealiseProposalInput>
{
    public RealiseProposalInputType()
    {
        Name = "RealiseProposalInput";
        Description = "Starts the realisation of a selected proposal: PLANNED, IN_PROGRESS, or DONE with the day it was put into use.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, which must be SELECTED.");
        Field<RealisationStatusType>("status").Description("Where the realisation stands. Default DONE when realisedOn is given, otherwise PLANNED.");
        Field<DateType>("realisedOn").Description("When it was put into use: required with status DONE, and only then; not in the future.");
        Field<NonNullGraphType<StringGraphType>>("description").Description("What is being built, or was.");
        Field<IdGraphType>("initiativeId").Description("The initiative it became, if any.");
        Field<StringGraphType>("solution").Description($"The name of the solution it became, at most {ProposalRules.MaxTitleLength} characters.");
    }
}

public sealed class SelectProposalInputType : InputObjectGraphType<SelectProposalInput>
{
    public SelectProposalInputType()
    {
        Name = "SelectProposalInput";
        Description = "Selects an accepted proposal as a winner, with the reason its authors and colleagues read.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, which must be ACCEPTED.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why it was chosen, 1 to {ProposalRules.MaxTextLength} characters.");
    }
}

public sealed class CastVoteInputType : InputObjectGraphType<ProposalIdInput>
{
    public CastVoteInputType()
    {
        Name = "CastVoteInput";
        Description = "The proposal to vote for.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, which must be ACCEPTED, in a competition in VOTING.");
    }
}

public sealed class RetractVoteInputType : InputObjectGraphType<ProposalIdInput>
{
    public RetractVoteInputType()
    {
        Name = "RetractVoteInput";
        Description = "The proposal to take a vote back from.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, in a competition in VOTING.");
    }
}

public sealed class AddCommentInputType : InputObjectGraphType<AddCommentInput>
{
    public AddCommentInputType()
    {
        Name = "AddCommentInput";
        Description = "A comment on a proposal.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.");
        Field<IdGraphType>("replyToId").Description("The comment on the same proposal this answers. Replies go one level deep: a reply cannot be answered.");
        Field<NonNullGraphType<StringGraphType>>("text").Description($"The comment, 1 to {ProposalRules.MaxCommentLength} characters.");
    }
}

public sealed class HideCommentInputType : InputObjectGraphType<HideCommentInput>
{
    public HideCommentInputType()
    {
        Name = "HideCommentInput";
        Description = "Hides a comment from everyone, with a reason. A hidden comment stays hidden.";
        Field<NonNullGraphType<IdGraphType>>("commentId").Description("The comment.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why it is hidden; shown in its place.");
    }
}

public sealed class CoAuthorshipInputType : InputObjectGraphType<CoAuthorshipInput>
{
    public CoAuthorshipInputType()
    {
        Name = "CoAuthorshipInput";
        Description = "The proposal whose invitation to answer.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal the caller was invited to co-author.");
        Field<BooleanGraphType>("hideName").Description("When accepting: whether to hide the caller's name from other employees. Left out, it is hidden: a co-author is named only by their own choice.");
    }
}
