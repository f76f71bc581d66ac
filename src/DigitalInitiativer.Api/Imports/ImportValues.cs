using System.Globalization;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;

namespace DigitalInitiativer.Api.Imports;

/// <summary>The words the import formats accept, in English (as the schema spells them) or Danish.</summary>
public static class ImportValues
{
    private static readonly Dictionary<string, PersonRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EMPLOYEE"] = PersonRole.Employee, ["MEDARBEJDER"] = PersonRole.Employee,
        ["LEADER"] = PersonRole.Leader, ["LEDER"] = PersonRole.Leader,
    };

    private static readonly Dictionary<string, CompetenceProfileKind> Profiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AWAITING"] = CompetenceProfileKind.Awaiting, ["AFVENTENDE"] = CompetenceProfileKind.Awaiting,
        ["HESITANT"] = CompetenceProfileKind.Hesitant, ["TØVENDE"] = CompetenceProfileKind.Hesitant,
        ["WILLING"] = CompetenceProfileKind.Willing, ["VELVILLIG"] = CompetenceProfileKind.Willing,
        ["SELF_DRIVEN"] = CompetenceProfileKind.SelfDriven, ["SELVKØRENDE"] = CompetenceProfileKind.SelfDriven,
    };

    private static readonly Dictionary<string, ParticipationStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ENROLLED"] = ParticipationStatus.Enrolled, ["STARTED"] = ParticipationStatus.Started,
        ["COMPLETED"] = ParticipationStatus.Completed, ["WITHDRAWN"] = ParticipationStatus.Withdrawn,
    };

    public static bool TryRole(string text, out PersonRole role) => Roles.TryGetValue(text, out role);

    public static bool TryProfile(string text, out CompetenceProfileKind profile) => Profiles.TryGetValue(text, out profile);

    public static bool TryStatus(string text, out ParticipationStatus status) => Statuses.TryGetValue(text, out status);

    /// <summary>An ISO date, yyyy-MM-dd.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A number with a decimal point or, as Danish spreadsheets write it, a decimal comma.</summary>
    public static bool TryNumber(string text, out double number) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
