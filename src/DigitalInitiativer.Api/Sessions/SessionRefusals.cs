using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Sessions;

public sealed record SessionCancelled(string Message) : Refusal(Message, SessionErrorCodes.SessionCancelled);

public sealed record SessionStarted(string Message) : Refusal(Message, SessionErrorCodes.SessionStarted);

public sealed record SessionNotStarted(string Message) : Refusal(Message, SessionErrorCodes.SessionNotStarted);

public sealed record CapacityBelowEnrolled(string Message, int Enrolled) : Refusal(Message, SessionErrorCodes.CapacityBelowEnrolled);

public sealed record AlreadyEnrolled(string Message, EnrolmentState State) : Refusal(Message, SessionErrorCodes.AlreadyEnrolled);

public sealed record NotOwnEnrolment(string Message) : Refusal(Message, SessionErrorCodes.NotOwnEnrolment);

public sealed record NotSessionHost(string Message) : Refusal(Message, SessionErrorCodes.NotSessionHost);

public sealed record OutsideOfferUnit(string Message) : Refusal(Message, SessionErrorCodes.OutsideOfferUnit);

public static class SessionErrorCodes
{
    public const string OutsideOfferUnit = "OUTSIDE_OFFER_UNIT";
    public const string NoSessionsForKind = "NO_SESSIONS_FOR_KIND";
    public const string SessionCancelled = "SESSION_CANCELLED";
    public const string SessionStarted = "SESSION_STARTED";
    public const string SessionNotStarted = "SESSION_NOT_STARTED";
    public const string CapacityBelowEnrolled = "CAPACITY_BELOW_ENROLLED";
    public const string AlreadyEnrolled = "ALREADY_ENROLLED";
    public const string NotOwnEnrolment = "NOT_OWN_ENROLMENT";
    public const string NotSessionHost = "NOT_SESSION_HOST";
}

/// <summary>What sessions, enrolment and attendance say, in Danish and English.</summary>
public static class SessionTexts
{
    public static readonly Text EndsBeforeStart = new("'endsAt' skal ligge efter 'startsAt'.", "'endsAt' must be after 'startsAt'.");
    public static readonly Text StartsOutOfRange = new("'startsAt' skal ligge fra {0:yyyy-MM-dd} til {1:yyyy-MM-dd}.", "'startsAt' must be from {0:yyyy-MM-dd} to {1:yyyy-MM-dd}.");
    public static readonly Text PlaceOrLinkRequired = new("Angiv et sted ('place'), et onlinelink ('onlineUrl') eller begge.", "Give a place ('place'), an online link ('onlineUrl') or both.");
    public static readonly Text CapacityOutOfRange = new("'capacity' skal være mellem 1 og {0}; udelad den, hvis der ikke er en grænse.", "'capacity' must be from 1 to {0}; leave it out when there is no limit.");
    public static readonly Text CapacityBelowEnrolled = new("Der er allerede {1} tilmeldte, så 'capacity' kan ikke sættes til {0}.", "{1} people are already enrolled, so 'capacity' cannot be set to {0}.");
    public static readonly Text Cancelled = new("Sessionen er aflyst.", "The session is cancelled.");
    public static readonly Text AlreadyStarted = new("Sessionen er begyndt ({0:yyyy-MM-dd HH:mm} UTC).", "The session has started ({0:yyyy-MM-dd HH:mm} UTC).");
    public static readonly Text NotStarted = new("Sessionen er ikke begyndt endnu ({0:yyyy-MM-dd HH:mm} UTC); fremmøde registreres, når den er i gang.", "The session has not started yet ({0:yyyy-MM-dd HH:mm} UTC); attendance is recorded once it is under way.");
    public static readonly Text NoSession = new("Ingen session har dette id.", "No session has this id.");
    public static readonly Text NoInitiative = new("Intet initiativ har dette id.", "No initiative has this id.");
    public static readonly Text NoEnrolment = new("Ingen tilmelding har dette id.", "No enrolment has this id.");
    public static readonly Text NoPerson = new("Ingen person har dette id.", "No person has this id.");
    public static readonly Text AlreadyHasSeat = new("Du er allerede tilmeldt denne session.", "You are already enrolled in this session.");
    public static readonly Text AlreadyWaiting = new("Du står allerede på ventelisten til denne session.", "You are already on this session's waiting list.");
    public static readonly Text NotOwn = new("Tilmeldingen er ikke din; kun en leder eller sessionens vært kan afmelde andre.", "The enrolment is not yours; only a manager or the session's host can cancel someone else's.");
    public static readonly Text NoSessionsForCompetition = new("Idékonkurrencen har ingen sessioner; dens deltagere registreres, når den lukker.", "The idea competition has no sessions; its participants are recorded when it closes.");
    public static readonly Text OutsideUnit = new("Tilbuddet er for en anden enhed end din.", "The offer is for another unit than yours.");
    public static readonly Text NotHost = new("Kun sessionens vært eller en initiativleder kan registrere fremmøde.", "Only the session's host or an initiative manager can record attendance.");
    public static readonly Text NoAttendees = new("Angiv mindst ét medarbejdernummer i 'employeeNumbers' eller 'signInList'.", "Give at least one employee number in 'employeeNumbers' or 'signInList'.");
    public static readonly Text TooManyAttendees = new("Der er {0} linjer; højst {1} kan registreres ad gangen.", "There are {0} lines; at most {1} can be recorded at once.");
}
