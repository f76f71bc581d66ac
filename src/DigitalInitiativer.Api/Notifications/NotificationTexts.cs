using DigitalInitiativer.Api.GraphQL;

namespace DigitalInitiativer.Api.Notifications;

/// <summary>A title and a message, with {0} where the subject's title goes.</summary>
public sealed record NotificationText(string Title, string Message);

/// <summary>What each kind of notification says, in Danish first and in English. A test checks that every kind has both.</summary>
public static class NotificationTexts
{
    public static readonly IReadOnlyDictionary<NotificationKind, IReadOnlyDictionary<TextLanguage, NotificationText>> All =
        new Dictionary<NotificationKind, IReadOnlyDictionary<TextLanguage, NotificationText>>
        {
            [NotificationKind.CoAuthorInvited] = Texts(
                new("Invitation til at være medforfatter", "Du er inviteret til at være medforfatter på forslaget »{0}«. Svar under dine invitationer."),
                new("Invitation to co-author", "You are invited to co-author the proposal “{0}”. Answer it under your invitations.")),
            [NotificationKind.ProposalAccepted] = Texts(
                new("Forslag godkendt", "Dit forslag »{0}« er godkendt og kommer med i afstemningen."),
                new("Proposal accepted", "Your proposal “{0}” was accepted and goes to the vote.")),
            [NotificationKind.ProposalRejected] = Texts(
                new("Forslag afvist", "Dit forslag »{0}« er afvist. Begrundelsen står herunder."),
                new("Proposal rejected", "Your proposal “{0}” was rejected. The reason is given below.")),
            [NotificationKind.ProposalMerged] = Texts(
                new("Forslag lagt sammen", "Dit forslag »{0}« er lagt sammen med et lignende forslag. Du er nu forfatter på det, og stemmerne fulgte med."),
                new("Proposal merged", "Your proposal “{0}” was merged with a similar proposal. You are now one of its authors, and the votes moved with it.")),
            [NotificationKind.ProposalSelected] = Texts(
                new("Forslag udvalgt", "Dit forslag »{0}« er udvalgt som vinder. Begrundelsen står herunder."),
                new("Proposal selected", "Your proposal “{0}” was selected as a winner. The reason is given below.")),
            [NotificationKind.ProposalRealised] = Texts(
                new("Forslaget realiseres", "Dit forslag »{0}« bliver realiseret. Følg milepælene undervejs."),
                new("Proposal being realised", "Your proposal “{0}” is being realised. Follow its milestones as it goes.")),
            [NotificationKind.ProposalWithdrawn] = Texts(
                new("Forslag trukket tilbage", "Forslaget »{0}«, som du er medforfatter på, er trukket tilbage af en af forfatterne."),
                new("Proposal withdrawn", "The proposal “{0}”, which you co-author, was withdrawn by one of its authors.")),
            [NotificationKind.RealisationStatusChanged] = Texts(
                new("Nyt om realiseringen", "Realiseringen af dit forslag »{0}« er rykket videre. Se status og milepæle."),
                new("Realisation update", "The realisation of your proposal “{0}” has moved on. See its status and milestones.")),
            [NotificationKind.CommentHidden] = Texts(
                new("Kommentar skjult", "Din kommentar til »{0}« er skjult af en moderator. Begrundelsen står herunder."),
                new("Comment hidden", "Your comment on “{0}” was hidden by a moderator. The reason is given below.")),
            [NotificationKind.SessionCancelled] = Texts(
                new("Session aflyst", "En session i »{0}«, som du var tilmeldt, er aflyst. Begrundelsen står herunder."),
                new("Session cancelled", "A session of “{0}” you were enrolled in was cancelled. The reason is given below.")),
            [NotificationKind.SeatFromWaitingList] = Texts(
                new("Du har fået en plads", "Der er blevet en plads ledig i en session i »{0}«, og du er rykket op fra ventelisten."),
                new("You have a seat", "A seat came free in a session of “{0}”, and you moved up from the waiting list.")),
            [NotificationKind.EnrolmentCancelled] = Texts(
                new("Tilmelding afmeldt", "Din tilmelding til en session i »{0}« er afmeldt af en leder eller sessionens vært."),
                new("Enrolment cancelled", "Your enrolment in a session of “{0}” was cancelled by a manager or the session's host.")),
            [NotificationKind.SessionChanged] = Texts(
                new("Session ændret", "Tid, sted eller link for en session i »{0}«, som du er tilmeldt, er ændret. Se sessionen."),
                new("Session changed", "The time, place or link of a session of “{0}” you are enrolled in has changed. See the session.")),
        };

    public static NotificationText For(NotificationKind kind, TextLanguage language) => All[kind][language];

    private static IReadOnlyDictionary<TextLanguage, NotificationText> Texts(NotificationText danish, NotificationText english) =>
        new Dictionary<TextLanguage, NotificationText> { [TextLanguage.Danish] = danish, [TextLanguage.English] = english };
}
