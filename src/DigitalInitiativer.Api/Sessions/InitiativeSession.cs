using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Sessions;

/// <summary>When and where a session is, how many seats it has (null: no limit), and who hosts it besides managers.</summary>
public sealed record SessionDetails(DateTime StartsAtUtc, DateTime EndsAtUtc, string? Place, string? OnlineUrl, int? Capacity, int? HostPersonId);

/// <summary>
/// One meeting of a course, a drop-in café or peer training (Moodle's face-to-face "Seminar" session): people enrol
/// for a seat, wait in line when it is full, and the host records who came.
/// </summary>
public sealed class InitiativeSession : IEntity
{
    public const int MaxPlaceLength = 200, MaxCapacity = 10_000, MaxReasonLength = 1000;

    private InitiativeSession()
    {
    }

    public InitiativeSession(int initiativeId, SessionDetails details)
    {
        InitiativeId = initiativeId;
        Apply(details);
    }

    public int Id { get; private set; }
    public int InitiativeId { get; private set; }
    public Initiative? Initiative { get; private set; }
    public DateTime StartsAtUtc { get; private set; }
    public DateTime EndsAtUtc { get; private set; }
    public string? Place { get; private set; }
    public string? OnlineUrl { get; private set; }
    public int? Capacity { get; private set; }
    public int? HostPersonId { get; private set; }
    public DateTime? CancelledAtUtc { get; private set; }
    public string? CancellationReason { get; private set; }

    public SessionDetails Details => new(StartsAtUtc, EndsAtUtc, Place, OnlineUrl, Capacity, HostPersonId);

    public bool HasStarted(DateTime utcNow) => StartsAtUtc <= utcNow;

    public static void Check(Refusals refusals, SessionDetails details)
    {
        if (details.EndsAtUtc <= details.StartsAtUtc) refusals.Invalid("endsAt", RefusalCodes.EndBeforeStart, SessionTexts.EndsBeforeStart.Format());
        var earliest = InitiativeRules.EarliestDate.ToDateTime(TimeOnly.MinValue);
        var latest = InitiativeRules.LatestDate.ToDateTime(TimeOnly.MaxValue);
        if (details.StartsAtUtc < earliest || details.StartsAtUtc > latest) refusals.Invalid("startsAt", RefusalCodes.OutOfRange, SessionTexts.StartsOutOfRange.Format(earliest, latest));
        if (string.IsNullOrWhiteSpace(details.Place) && string.IsNullOrWhiteSpace(details.OnlineUrl))
            refusals.Invalid("place", RefusalCodes.Required, SessionTexts.PlaceOrLinkRequired.Format());
        refusals.MaxLength("place", details.Place?.Trim(), MaxPlaceLength);
        refusals.WebAddress("onlineUrl", details.OnlineUrl, InitiativeRules.MaxUrlLength);
        if (details.Capacity is { } capacity && (capacity < 1 || capacity > MaxCapacity))
            refusals.Invalid("capacity", RefusalCodes.OutOfRange, SessionTexts.CapacityOutOfRange.Format(MaxCapacity));
    }

    /// <summary>New details, unless they break a rule: a cancelled session stays as it was, and seats cannot drop below those taken.</summary>
    public Refusals Change(SessionDetails details, int seatsTaken)
    {
        var refusals = new Refusals();
        if (CancelledAtUtc is not null) refusals.Add(new SessionCancelled(SessionTexts.Cancelled.Format()), "id");
        Check(refusals, details);
        if (details.Capacity is { } capacity && capacity < seatsTaken)
            refusals.Add(new CapacityBelowEnrolled(SessionTexts.CapacityBelowEnrolled.Format(capacity, seatsTaken), seatsTaken), "capacity");
        if (!refusals.Any) Apply(details);
        return refusals;
    }

    public Refusals Cancel(string reason, DateTime utcNow)
    {
        var refusals = new Refusals();
        if (CancelledAtUtc is not null) refusals.Add(new SessionCancelled(SessionTexts.Cancelled.Format()), "id");
        else if (HasStarted(utcNow)) refusals.Add(new SessionStarted(SessionTexts.AlreadyStarted.Format(StartsAtUtc)), "id");
        refusals.Required("reason", reason);
        refusals.MaxLength("reason", reason?.Trim(), MaxReasonLength);
        if (refusals.Any) return refusals;
        CancelledAtUtc = utcNow;
        CancellationReason = reason!.Trim();
        return refusals;
    }

    private void Apply(SessionDetails details)
    {
        StartsAtUtc = details.StartsAtUtc;
        EndsAtUtc = details.EndsAtUtc;
        Place = string.IsNullOrWhiteSpace(details.Place) ? null : details.Place.Trim();
        OnlineUrl = string.IsNullOrWhiteSpace(details.OnlineUrl) ? null : details.OnlineUrl.Trim();
        Capacity = details.Capacity;
        HostPersonId = details.HostPersonId;
    }
}

public enum EnrolmentState
{
    [System.ComponentModel.Description("Holds a seat in the session.")]
    Seat = 1,

    [System.ComponentModel.Description("On the waiting list; moves up, in the order people enrolled, when a seat comes free.")]
    Waiting = 2,
}

/// <summary>A person's seat in a session, or their place on its waiting list. Cancelling deletes it.</summary>
public sealed class SessionEnrolment : IEntity, IPersonData
{
    private SessionEnrolment()
    {
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public int PersonId { get; private set; }
    public EnrolmentState State { get; private set; }
    public DateTime EnrolledAtUtc { get; private set; }

    int IPersonData.SubjectPersonId => PersonId;
}

/// <summary>That a person came to a session, as its host recorded it: one row per person and session, so visits can be counted.</summary>
public sealed class SessionAttendance : IEntity, IPersonData
{
    private SessionAttendance()
    {
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public int PersonId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }

    int IPersonData.SubjectPersonId => PersonId;
}
