namespace DigitalInitiativer.Api.SeedWork;

/// <summary>The day something happened as staff in Denmark see it: a café at 00:30 Danish time is on that day, not the UTC day before.</summary>
public static class DanishTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without time zone data: the UTC day, at most one hour off around midnight.
            return TimeZoneInfo.Utc;
        }
    }
}
