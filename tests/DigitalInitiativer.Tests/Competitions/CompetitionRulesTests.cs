using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.SeedWork;
using static DigitalInitiativer.Api.Competitions.CompetitionPhase;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>The competition's rules on the aggregates themselves: no HTTP, no database. The HTTP tests remain the contract.</summary>
public sealed class CompetitionRulesTests
{
    private static readonly DateTime Start = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly CompetitionSchedule Schedule = new(Start, Start.AddDays(30), Start.AddDays(45), Start.AddDays(60), Start.AddDays(90));

    private static readonly ProposalTexts Texts = new(" Vagtplan i en app ", "Resumé", "Problem", "Løsning", "Gevinst");

    private static IdeaCompetition Competition(CompetitionSchedule? schedule = null)
    {
        var initiative = new Initiative("IDEA-TEST", InitiativeKind.IdeaCompetition, new InitiativeDetails("Konkurrence", null, 1, [], new(2026, 9, 1), null));
        var competition = new IdeaCompetition(initiative);
        if (schedule is not null) Assert.False(competition.Configure(null, schedule, Start.AddDays(-10)).Any);
        return competition;
    }

    private static Proposal Submitted(IdeaCompetition competition) => Proposal.Submit(competition, Texts, unitId: 1, hideAuthorNames: false, Start.AddDays(1)).Value!;

    private static string[] Codes(Refusals refusals) => [.. refusals.All.Select(r => r.Code)];

    [Theory]
    [InlineData(-1, Draft)]
    [InlineData(0, Submission)]
    [InlineData(29, Submission)]
    [InlineData(30, Review)]
    [InlineData(45, Voting)]
    [InlineData(60, Closed)]
    [InlineData(365, ResultsPublished)]
    public void The_schedule_decides_the_phase(int day, CompetitionPhase expected) =>
        Assert.Equal(expected, Competition(Schedule).PhaseAt(Start.AddDays(day)));

    [Fact]
    public void A_competition_without_a_schedule_stays_in_draft_until_moved_by_hand() =>
        Assert.Equal(Draft, Competition().PhaseAt(Start.AddYears(5)));

    [Fact]
    public void Moving_by_hand_goes_ahead_of_the_schedule_which_can_still_take_it_further()
    {
        var competition = Competition(Schedule);

        Assert.Null(competition.AdvanceTo(Review, Start.AddDays(2)));

        Assert.Equal(Review, competition.PhaseAt(Start.AddDays(3)));
        Assert.Equal(Voting, competition.PhaseAt(Start.AddDays(46)));
    }

    [Theory]
    [InlineData(Submission)]
    [InlineData(Draft)]
    public void A_competition_never_moves_back_or_to_where_it_is(CompetitionPhase to)
    {
        var competition = Competition(Schedule);

        var refused = competition.AdvanceTo(to, Start.AddDays(2));

        Assert.Equal(CompetitionErrorCodes.PhaseBackwards, refused?.Code);
        Assert.Equal(["to"], refused!.Field);
        Assert.Equal(Submission, competition.PhaseAt(Start.AddDays(2)));
    }

    [Fact]
    public void A_schedule_out_of_order_is_refused_and_changes_nothing()
    {
        var competition = Competition(Schedule);

        var refusals = competition.Configure(new CompetitionRules(0, false, 2), Schedule with { VotingOpensAt = Start.AddDays(10) }, Start);

        Assert.Equal([RefusalCodes.OutOfRange, RefusalCodes.EndBeforeStart], Codes(refusals));
        Assert.Equal(["rules", "votesPerPerson"], refusals.All[0].Field);
        Assert.Equal(["schedule", "votingOpensAt"], refusals.All[1].Field);
        Assert.Equal(3, competition.VotesPerPerson);
        Assert.Equal(Start.AddDays(45), competition.VotingOpensAtUtc);
    }

    [Fact]
    public void The_rules_are_locked_once_voting_has_opened_but_the_schedule_is_not()
    {
        var competition = Competition(Schedule);
        var inVoting = Start.AddDays(50);

        Assert.Equal([CompetitionErrorCodes.RulesLocked], Codes(competition.Configure(new CompetitionRules(5, true, 2), null, inVoting)));
        Assert.False(competition.Configure(null, Schedule with { VotingClosesAt = Start.AddDays(70) }, inVoting).Any);
        Assert.Equal(Voting, competition.PhaseAt(Start.AddDays(65)));
    }

    [Fact]
    public void Proposals_are_submitted_only_during_submission_with_their_texts_trimmed()
    {
        var competition = Competition(Schedule);

        var tooEarly = Proposal.Submit(competition, Texts, 1, false, Start.AddDays(-1));
        var tooLong = Proposal.Submit(competition, Texts with { Title = new string('x', ProposalRules.MaxTitleLength + 1), Summary = " " }, 1, false, Start);
        var submitted = Proposal.Submit(competition, Texts, 1, false, Start);

        Assert.Equal(CompetitionErrorCodes.WrongPhase, tooEarly.Refusals.Single().Code);
        Assert.Equal([RefusalCodes.TooLong, RefusalCodes.Required], tooLong.Refusals.Select(r => r.Code));
        Assert.Equal(ProposalState.Submitted, submitted.Value!.State);
        Assert.Equal("Vagtplan i en app", submitted.Value.Title);
    }

    [Theory]
    [InlineData(ProposalState.Accepted, Review, true)]
    [InlineData(ProposalState.Accepted, Voting, false)]
    [InlineData(ProposalState.Withdrawn, Submission, true)]
    [InlineData(ProposalState.Withdrawn, Review, false)]
    [InlineData(ProposalState.Selected, Closed, false)]
    [InlineData(ProposalState.Realised, ResultsPublished, false)]
    public void A_submitted_proposal_moves_only_where_the_rules_and_the_phase_allow(ProposalState to, CompetitionPhase phase, bool allowed)
    {
        var proposal = Submitted(Competition(Schedule));

        var refused = to switch
        {
            ProposalState.Accepted => proposal.Accept(phase),
            ProposalState.Withdrawn => proposal.Withdraw(phase),
            ProposalState.Selected => proposal.Select("Den bedste idé", phase).All.FirstOrDefault(),
            _ => proposal.CheckMove(to, phase),
        };

        Assert.Equal(allowed, refused is null);
        Assert.Equal(allowed ? to : ProposalState.Submitted, proposal.State);
    }

    [Fact]
    public void A_winner_is_selected_after_voting_and_then_realised_with_a_description()
    {
        var proposal = Submitted(Competition(Schedule));
        Assert.Null(proposal.Accept(Review));

        Assert.Equal([CompetitionErrorCodes.WrongPhase], Codes(proposal.Select("Den bedste idé", Voting)));
        Assert.Equal([RefusalCodes.Required], Codes(proposal.Select(" ", Closed)));
        Assert.False(proposal.Select("Den bedste idé", Closed).Any);
        Assert.Equal("Den bedste idé", proposal.SelectionReason);
        var today = new DateOnly(2026, 12, 1);
        Assert.Equal([RefusalCodes.Required], Codes(proposal.Realise(new Realisation(RealisationStatus.Done, today, " ", null, null), ResultsPublished, today)));
        Assert.Equal([RefusalCodes.OutOfRange], Codes(proposal.Realise(new Realisation(RealisationStatus.Done, today.AddDays(1), "Appen er i brug", null, null), ResultsPublished, today)));
        Assert.Equal([RefusalCodes.Required], Codes(proposal.Realise(new Realisation(RealisationStatus.Done, null, "Appen er i brug", null, null), ResultsPublished, today)));
        Assert.False(proposal.Realise(new Realisation(RealisationStatus.Planned, null, "Appen bygges", null, "Vagtplan-appen"), ResultsPublished, today).Any);

        Assert.Equal(ProposalState.Realised, proposal.State);
        Assert.Equal("Vagtplan-appen", proposal.RealisedAsSolution);
        Assert.False(proposal.UpdateRealisation(new Realisation(RealisationStatus.InProgress, null, "Appen bygges", null, null), today).Any);
        Assert.Equal([CompetitionErrorCodes.RealisationStatusBackwards],
            Codes(proposal.UpdateRealisation(new Realisation(RealisationStatus.Planned, null, "Appen bygges", null, null), today)));
        Assert.False(proposal.UpdateRealisation(new Realisation(RealisationStatus.Done, today, "Appen er i brug", null, null), today).Any);
        Assert.Equal(RealisationStatus.Done, proposal.RealisationStatus);
        Assert.Equal(CompetitionErrorCodes.InvalidTransition, proposal.Accept(Review)?.Code);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_a_merge_needs_another_open_proposal()
    {
        var competition = Competition(Schedule);
        var (first, second, rejected) = (Submitted(competition), Submitted(competition), Submitted(competition));

        Assert.Equal([RefusalCodes.Required], Codes(rejected.Reject("  ", Review)));
        Assert.False(rejected.Reject("Findes allerede", Review).Any);
        Assert.Equal([RefusalCodes.InvalidFormat], Codes(first.MergeInto(first, Review)));
        Assert.Equal([RefusalCodes.InvalidFormat], Codes(first.MergeInto(rejected, Review)));

        Assert.False(first.MergeInto(second, Voting).Any);
        Assert.Equal(ProposalState.Merged, first.State);
        Assert.Equal("Findes allerede", rejected.RejectionReason);
    }

    [Fact]
    public void Authors_revise_only_a_submitted_proposal_during_submission()
    {
        var proposal = Submitted(Competition(Schedule));

        Assert.Equal([CompetitionErrorCodes.WrongPhase], Codes(proposal.Revise(Texts with { Title = "Ny titel" }, Review)));
        Assert.False(proposal.Revise(Texts with { Title = " Ny titel " }, Submission).Any);
        Assert.Equal("Ny titel", proposal.Title);
        Assert.Null(proposal.Accept(Submission));
        Assert.Equal([CompetitionErrorCodes.InvalidTransition], Codes(proposal.Revise(Texts, Submission)));
    }

    [Theory]
    [InlineData(Review, ProposalState.Accepted, false, false, CompetitionErrorCodes.VotingClosed)]
    [InlineData(Voting, ProposalState.Submitted, false, false, CompetitionErrorCodes.ProposalNotOpenForVoting)]
    [InlineData(Voting, ProposalState.Merged, false, false, CompetitionErrorCodes.ProposalNotOpenForVoting)]
    [InlineData(Voting, ProposalState.Accepted, true, false, CompetitionErrorCodes.OwnProposal)]
    [InlineData(Voting, ProposalState.Accepted, true, true, null)]
    [InlineData(Voting, ProposalState.Accepted, false, false, null)]
    public void Votes_go_to_accepted_proposals_during_voting_and_not_to_your_own_unless_allowed(
        CompetitionPhase phase, ProposalState state, bool own, bool selfVotingAllowed, string? expected) =>
        Assert.Equal(expected, ProposalRules.CheckVote(phase, state, own, selfVotingAllowed)?.Code);

    [Fact]
    public void Votes_can_be_taken_back_only_while_voting_is_open()
    {
        Assert.Null(ProposalRules.CheckRetract(Voting, ProposalState.Accepted));
        Assert.Equal(CompetitionErrorCodes.VotingClosed, ProposalRules.CheckRetract(Closed, ProposalState.Accepted)?.Code);
    }

    [Fact]
    public void An_invitation_is_answered_once()
    {
        var invitation = new CoAuthorInvitation(proposalId: 1, personId: 2, Start);

        Assert.Null(invitation.Answer(accept: false));

        Assert.Equal(CompetitionErrorCodes.InvitationAlreadyAnswered, invitation.Answer(accept: true)?.Code);
        Assert.Equal(CoAuthorInvitationState.Declined, invitation.State);
    }
}
