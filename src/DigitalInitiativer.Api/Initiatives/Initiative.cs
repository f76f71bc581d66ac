using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>An intervention meant to raise digital competences: a course, a drop-in café, the idea competition, ...</summary>
public sealed class Initiative : IEntity
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public InitiativeKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>The unit the initiative is for; its sub-units are included.</summary>
    public int UnitId { get; set; }
    public OrganisationUnit? Unit { get; set; }

    /// <summary>Target profiles as a bit set (bit n-1 for level n), so "targets HESITANT" is one SQL expression.</summary>
    public int TargetProfileMask { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    public IReadOnlyList<CompetenceProfileKind> TargetProfiles
    {
        get => Enum.GetValues<CompetenceProfileKind>().Where(k => (TargetProfileMask & MaskOf(k)) != 0).ToList();
        set => TargetProfileMask = value.Aggregate(0, (mask, k) => mask | MaskOf(k));
    }

    public static int MaskOf(CompetenceProfileKind kind) => 1 << ((int)kind - 1);
}
