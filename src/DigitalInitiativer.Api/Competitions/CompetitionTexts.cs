using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>
/// The messages of idea competitions that people read. Phases, states and statuses appear by their GraphQL names
/// (VOTING, ACCEPTED, DONE), the same in both languages, so a client can show its own label for them.
/// </summary>
public static class CompetitionTexts
{
    // Not found
    public static readonly Text NoCompetition = new("Ingen konkurrence har dette id.", "No competition has this id.");
    public static readonly Text NoProposal = new("Intet forslag har dette id.", "No proposal has this id.");
    public static readonly Text NoProposalInCompetition = new("Intet forslag i samme konkurrence har dette id.", "No proposal in the same competition has this id.");
    public static readonly Text NoComment = new("Ingen kommentar har dette id.", "No comment has this id.");
    public static readonly Text NoCommentOnProposal = new("Ingen kommentar til dette forslag har dette id.", "No comment on this proposal has this id.");
    public static readonly Text NoReport = new("Ingen anmeldelse har dette id.", "No report has this id.");
    public static readonly Text NoMilestone = new("Ingen milepæl har dette id.", "No milestone has this id.");
    public static readonly Text NoInvitation = new(
        "Du har ingen invitation til at være medforfatter på et forslag med dette id.",
        "You have no invitation to co-author a proposal with this id.");

    // Rules and schedule
    public static readonly Text RulesLocked = new("Afstemningen er åbnet, så reglerne kan ikke længere ændres.", "Voting has opened, so the rules can no longer change.");
    public static readonly Text VotesPerPersonOutOfRange = new("'votesPerPerson' skal ligge mellem 1 og {0}.", "'votesPerPerson' must be between 1 and {0}.");
    public static readonly Text ProposalsPerPersonOutOfRange = new("'proposalsPerPerson' skal ligge mellem 1 og {0}.", "'proposalsPerPerson' must be between 1 and {0}.");
    public static readonly Text PhasesOutOfOrder = new("'{0}' ligger før '{1}'; faserne skal komme i rækkefølge.", "'{0}' is before '{1}'; phases must be in order.");
    public static readonly Text ScheduleBackwards = new("Konkurrencen er i fasen {0}; en tidsplan kan ikke flytte den tilbage.", "The competition is in {0}; a schedule cannot move it back.");
    public static readonly Text PhaseBackwards = new("Konkurrencen er i fasen {0}; den kan kun gå fremad.", "The competition is in {0}; it can only move forward.");
    public static readonly Text NotOpenYet = new("Konkurrencen er ikke åbnet endnu.", "The competition has not opened yet.");

    // Who may take part
    public static readonly Text OutsideUnit = new("Denne konkurrence er for medarbejderne i en anden enhed.", "This competition is for the staff of another unit.");
    public static readonly Text ProposalUnitOutside = new(
        "Forslaget skal komme fra konkurrencens enhed eller fra en enhed under den.",
        "The proposal must come from the competition's unit or a unit below it.");
    public static readonly Text CoAuthorOutside = new("Denne kollega arbejder uden for konkurrencens enhed.", "This colleague works outside the competition's unit.");

    // Proposals
    public static readonly Text ProposalLimitReached = new("Du har allerede indsendt {0} forslag; grænsen er {1}.", "You have already submitted {0} proposals; the limit is {1}.");
    public static readonly Text SubmitOnlyInSubmission = new(
        "Forslag kan kun indsendes i fasen SUBMISSION; konkurrencen er i fasen {0}.",
        "Proposals can only be submitted during SUBMISSION; the competition is in {0}.");
    public static readonly Text ChangeOnlyInSubmission = new(
        "Forfatterne kan kun ændre forslag i fasen SUBMISSION; konkurrencen er i fasen {0}.",
        "Authors can change proposals only during SUBMISSION; the competition is in {0}.");
    public static readonly Text NotAuthor = new("Kun forslagets forfattere kan ændre det eller trække det tilbage.", "Only the proposal's authors may change or withdraw it.");
    public static readonly Text AuthorsCannotChange = new("Et forslag med status {0} kan ikke ændres af forfatterne.", "A {0} proposal cannot be changed by its authors.");
    public static readonly Text InvalidTransition = new("Et forslag med status {0} kan ikke få status {1}.", "A {0} proposal cannot become {1}.");
    public static readonly Text TransitionInWrongPhase = new(
        "Et forslag kan ikke få status {0}, mens konkurrencen er i fasen {1}.",
        "A proposal cannot become {0} while the competition is in {1}.");
    public static readonly Text MergeIntoItself = new("Et forslag kan ikke lægges sammen med sig selv.", "A proposal cannot be merged into itself.");
    public static readonly Text MergeTargetState = new(
        "Forslag kan kun lægges sammen med et forslag med status SUBMITTED eller ACCEPTED; dette har status {0}.",
        "Proposals can only be merged into a SUBMITTED or ACCEPTED proposal; this one is {0}.");

    // Co-authors
    public static readonly Text TooManyCoAuthors = new("Der kan højst inviteres {0} medforfattere; der blev angivet {1}.", "At most {0} co-authors can be invited; {1} were named.");
    public static readonly Text SelfCoAuthor = new("Du er forslagets forfatter; angiv dine kolleger som medforfattere.", "You are the proposal's author; name colleagues as co-authors.");
    public static readonly Text CoAuthorTwice = new("Denne kollega er angivet to gange.", "This colleague is named twice.");
    public static readonly Text InvitationClosed = new("Forslaget har status {0} og tager ikke imod nye medforfattere.", "The proposal is {0} and takes no new co-authors.");
    public static readonly Text CoAuthorsJoinUntilVoting = new(
        "Medforfattere kan komme med, indtil afstemningen åbner; konkurrencen er i fasen {0}.",
        "Co-authors can join until voting opens; the competition is in {0}.");
    public static readonly Text InvitationAlreadyAccepted = new("Du har allerede takket ja til denne invitation.", "You have already accepted this invitation.");
    public static readonly Text InvitationAlreadyDeclined = new("Du har allerede takket nej til denne invitation.", "You have already declined this invitation.");

    // Voting
    public static readonly Text VotingNotOpen = new("Afstemningen er ikke åben; konkurrencen er i fasen {0}.", "Voting is not open; the competition is in {0}.");
    public static readonly Text NotOpenForVoting = new("Forslaget har status {0}, og der kan ikke stemmes på det.", "This proposal is {0} and cannot be voted on.");
    public static readonly Text OwnProposal = new(
        "Du kan ikke stemme på et forslag, du selv har skrevet i denne konkurrence.",
        "You cannot vote for a proposal you wrote in this competition.");
    public static readonly Text VoteBudgetExhausted = new(
        "Du har brugt alle dine {0} stemmer i denne konkurrence; træk en stemme tilbage for at stemme igen.",
        "You have used all {0} votes in this competition; retract one to vote again.");
    public static readonly Text VoteCountsHidden = new(
        "Stemmetallene er skjult, indtil afstemningen lukker, så forslagene kan endnu ikke sorteres efter stemmer.",
        "Vote counts are hidden until voting closes, so proposals cannot be sorted by votes yet.");
    public static readonly Text TopOutOfRange = new("'top' skal ligge mellem 1 og {0}.", "'top' must be between 1 and {0}.");

    // Comments and moderation
    public static readonly Text ReplyToReply = new(
        "Der kan kun svares ét niveau ned: svar i stedet på den kommentar, som dette svar besvarer.",
        "Replies go one level deep: answer the comment this reply answers.");
    public static readonly Text TooManyReplies = new(
        "Denne kommentar har allerede {0} svar, som er det højeste antal; kommentér i stedet på forslaget.",
        "This comment has {0} replies, the most one can have; comment on the proposal instead.");
    public static readonly Text OwnComment = new("Du kan ikke anmelde din egen kommentar.", "You cannot report your own comment.");
    public static readonly Text AlreadyReported = new("Du har allerede anmeldt denne kommentar.", "You have already reported this comment.");
    public static readonly Text CommentAlreadyHidden = new("En moderator har allerede skjult denne kommentar.", "A moderator has already hidden this comment.");
    public static readonly Text ReportAlreadyResolved = new("En moderator har allerede afgjort denne anmeldelse: {0}.", "A moderator has already decided this report: {0}.");

    // Realisation
    public static readonly Text NothingToRealise = new(
        "Et forslag med status {0} har ingen realisering at opdatere; realisér det først.",
        "A {0} proposal has no realisation to update; realise it first.");
    public static readonly Text RealisationBackwards = new("Realiseringen har status {0}; status kan kun gå fremad.", "The realisation is {0}; its status only moves forward.");
    public static readonly Text RealisedOnRequired = new(
        "En realisering med status DONE skal have 'realisedOn', dagen den blev taget i brug.",
        "A DONE realisation needs 'realisedOn', the day it was put into use.");
    public static readonly Text RealisedOnOnlyWhenDone = new(
        "'realisedOn' er dagen, løsningen blev taget i brug; angiv den sammen med status DONE.",
        "'realisedOn' is the day it was put into use; give it with status DONE.");
    public static readonly Text MilestonesNeedRealisation = new(
        "Milepæle hører til en realisering; dette forslag har status {0}.",
        "Milestones belong to a realisation; this proposal is {0}.");
    public static readonly Text TooManyMilestones = new(
        "En realisering har højst {0} milepæle; opdatér en af dem i stedet.",
        "A realisation has at most {0} milestones; update one instead.");
    public static readonly Text ProgressOutOfRange = new("'progress' skal ligge fra 0 til 100.", "'progress' must be from 0 to 100.");
}
