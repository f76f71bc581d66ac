using DigitalInitiativer.Api.GraphQL.Authorization;

namespace DigitalInitiativer.Tests.Identity;

/// <summary>
/// Who may do what: the rules of the identity issue as data. The matrix test checks every cell against the running
/// app, and another test checks that the README's table says the same.
/// </summary>
public static class AccessMatrix
{
    public const string Anonymous = "Anonymous";
    public static readonly string[] Callers = [Anonymous, .. Roles.All];

    public sealed record Operation(string Name, string Document, string[] Allowed, object? Variables = null);

    private static readonly string[] Everyone = [Anonymous, .. Roles.All];

    public static readonly Operation[] Operations =
    [
        new("`__typename`", "{ __typename }", Everyone),
        new("introspection (Development only)", "{ __schema { queryType { name } } }", Everyone),
        new("`competenceProfiles`", "{ competenceProfiles { kind } }", Roles.All),
        new("`surveyWaves`", "{ surveyWaves { year } }", Roles.All),
        new("`organisationUnits`, `organisationUnit`", """{ organisationUnits { code } organisationUnit(code: "ESB") { name } }""", Roles.All),
        new("`initiatives`, `initiative` (the catalogue)", """{ initiatives(first: 1) { totalCount } initiative(code: "JC-CAFE") { title } }""", Roles.All),
        new("`node`, `nodes`", """{ node(id: "SW5pdGlhdGl2ZTox") { id } nodes(ids: ["SW5pdGlhdGl2ZTox"]) { id } }""", Roles.All),
        new("`me` (own person, assessments, participations, enrolments, hosted sessions, digital superusers, co-author invitations, proposals, votes, notifications)",
            "{ me { roles person { key } assessments { profile { kind } } participations { status role visits } enrolments { state } hostedSessions { id } digitalSuperusers { displayName } coAuthorInvitations { state } proposals { totalCount } votes { totalCount } notifications { unreadCount } } }", Roles.All),
        new("`competitions`", "{ competitions(first: 1) { totalCount } }", Roles.All),
        new("`markNotificationsRead`", """mutation { markNotificationsRead(input: { all: true }) { errors { __typename } } }""", Roles.All),
        new("`reportComment`", """mutation { reportComment(input: { commentId: "x", reason: "" }) { errors { __typename } } }""", Roles.All),
        new("`commentReports` (the moderators' queue)", "{ commentReports(first: 1) { totalCount } }", Roles.Managers),
        new("`updateRealisation`, `addRealisationMilestone`, `updateRealisationMilestone`", """mutation { u: updateRealisation(input: { proposalId: "x" }) { errors { __typename } } a: addRealisationMilestone(input: { proposalId: "x", date: "2026-01-01", title: "", progress: 0 }) { errors { __typename } } m: updateRealisationMilestone(input: { milestoneId: "x" }) { errors { __typename } } }""", Roles.Managers),
        new("`SurveyWave.profileDistribution`", "{ surveyWaves { profileDistribution { total } } }", Roles.ReachReaders),
        new("`Initiative.reach`", "{ initiatives(first: 1) { nodes { reach { participants } } } }", Roles.ReachReaders),
        new("`Initiative.participations` (who took part)", "{ initiatives(first: 1) { nodes { participations(first: 1) { totalCount } } } }", Roles.Managers),
        new("`reachMatrix`", "{ reachMatrix { rows { kind } } }", Roles.Analysts),
        new("`profileTransitions`", """{ profileTransitions(fromWaveId: "U3VydmV5V2F2ZTox", toWaveId: "U3VydmV5V2F2ZToy") { all { n } } }""", Roles.Analysts),
        new("`strategyGoals`", "{ strategyGoals { title onTrack } }", Roles.Analysts),
        new("`auditLog`", """{ auditLog(subjectId: "UGVyc29uOjE") { totalCount } }""", [Roles.Administrator]),
        // Mutations are sent with input that fails validation, so an allowed call changes nothing.
        new("`createInitiative`", """mutation { createInitiative(input: { code: "X", kind: OTHER, title: "", unitId: "x", startsOn: "2026-01-01" }) { errors { __typename } } }""", Roles.Managers),
        new("`updateInitiative`", """mutation { updateInitiative(input: { id: "x", title: "" }) { errors { __typename } } }""", Roles.Managers),
        new("`recordParticipation`", """mutation { recordParticipation(input: { personId: "x", initiativeId: "x", status: ENROLLED, enrolledOn: "2026-01-01" }) { errors { __typename } } }""", Roles.Managers),
        new("`recordParticipations`", "mutation { recordParticipations(input: { items: [] }) { errors { __typename } } }", Roles.Managers),
        new("`addSession`, `updateSession`, `cancelSession`", """mutation { a: addSession(input: { initiativeId: "x", startsAt: "2027-01-01T09:00:00Z", endsAt: "2027-01-01T10:00:00Z" }) { errors { __typename } } u: updateSession(input: { id: "x" }) { errors { __typename } } c: cancelSession(input: { id: "x", reason: "" }) { errors { __typename } } }""", Roles.Managers),
        new("`enrol`, `cancelEnrolment`", """mutation { e: enrol(input: { sessionId: "x" }) { errors { __typename } } c: cancelEnrolment(input: { id: "x" }) { errors { __typename } } }""", Roles.All),
        new("`recordAttendance` (hosts and managers; others get `NOT_SESSION_HOST`)", """mutation { recordAttendance(input: { sessionId: "x", employeeNumbers: [] }) { errors { __typename } } }""", Roles.All),
        new("`digitalSuperusers` (every registration)", "{ digitalSuperusers { displayName } }", [Roles.Administrator]),
        new("`registerDigitalSuperuser`, `unregisterDigitalSuperuser`", """mutation { r: registerDigitalSuperuser(input: { employeeNumber: "", unitId: "x" }) { errors { __typename } } u: unregisterDigitalSuperuser(input: { id: "x" }) { errors { __typename } } }""", [Roles.Administrator]),
        new("`Initiative.competition` (phase, rules, proposals, leaderboard)", """{ initiative(code: "IDEA-2026") { competition { phase leaderboard { rank } proposals(first: 1) { nodes { title voteCount viewerHasVoted authors { isLead } } } } } }""", Roles.All),
        new("`submitProposal`", """mutation { submitProposal(input: { competitionId: "x", title: "", summary: "", problem: "", proposedSolution: "", expectedBenefit: "", unitId: "x" }) { errors { __typename } } }""", Roles.All),
        new("`updateProposal`", """mutation { updateProposal(input: { proposalId: "x" }) { errors { __typename } } }""", Roles.All),
        new("`withdrawProposal`", """mutation { withdrawProposal(input: { proposalId: "x" }) { errors { __typename } } }""", Roles.All),
        new("`castVote`", """mutation { castVote(input: { proposalId: "x" }) { errors { __typename } } }""", Roles.All),
        new("`retractVote`", """mutation { retractVote(input: { proposalId: "x" }) { errors { __typename } } }""", Roles.All),
        new("`acceptCoAuthorship`, `declineCoAuthorship`", """mutation { a: acceptCoAuthorship(input: { proposalId: "x" }) { errors { __typename } } d: declineCoAuthorship(input: { proposalId: "x" }) { errors { __typename } } }""", Roles.All),
        new("`addComment`", """mutation { addComment(input: { proposalId: "x", text: "" }) { errors { __typename } } }""", Roles.All),
        new("`configureCompetition`", """mutation { configureCompetition(input: { competitionId: "x" }) { errors { __typename } } }""", Roles.Managers),
        new("`advanceCompetitionPhase`", """mutation { advanceCompetitionPhase(input: { competitionId: "x", to: VOTING }) { errors { __typename } } }""", Roles.Managers),
        new("`acceptProposal`, `selectProposal`", """mutation { a: acceptProposal(input: { proposalId: "x" }) { errors { __typename } } s: selectProposal(input: { proposalId: "x", reason: "" }) { errors { __typename } } }""", Roles.Managers),
        new("`rejectProposal`, `mergeProposal`, `realiseProposal`", """mutation { r: rejectProposal(input: { proposalId: "x", reason: "" }) { errors { __typename } } m: mergeProposal(input: { proposalId: "x", intoProposalId: "y" }) { errors { __typename } } z: realiseProposal(input: { proposalId: "x", realisedOn: "2026-01-01", description: "" }) { errors { __typename } } }""", Roles.Managers),
        new("`setStrategyGoal`, `deleteStrategyGoal`", """mutation { s: setStrategyGoal(input: { title: "", profile: AWAITING, comparison: AT_MOST, targetShare: 2, targetYear: 1 }) { errors { __typename } } d: deleteStrategyGoal(input: { id: "x" }) { errors { __typename } } }""", [Roles.Administrator]),
        new("`importUnits`, `importSurveyWave`, `importParticipations`", """mutation { u: importUnits(input: { content: "" }) { errors { __typename } } s: importSurveyWave(input: { year: 2019, content: "" }) { errors { __typename } } p: importParticipations(input: { content: "" }) { errors { __typename } } }""", [Roles.Administrator]),
        new("`erasePerson`", """mutation { erasePerson(input: { personId: "x" }) { errors { __typename } } }""", [Roles.Administrator]),
        new("`hideComment`, `resolveCommentReport`", """mutation { h: hideComment(input: { commentId: "x", reason: "" }) { errors { __typename } } r: resolveCommentReport(input: { reportId: "x", decision: DISMISS, reason: "" }) { errors { __typename } } }""", Roles.Managers),
    ];
}
