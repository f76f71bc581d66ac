using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>
/// What can be set on an initiative after it is created: everything but its code and kind. Title and description are
/// Danish; the English ones are optional translations shown to those who ask for English.
/// </summary>
public sealed record InitiativeDetails(string Title, string? Description, int UnitId, IReadOnlyList<CompetenceProfileKind> TargetProfiles, DateOnly StartsOn, DateOnly? EndsOn,
    string? Url = null, string? EnglishTitle = null, string? EnglishDescription = null);

/// <summary>
/// An intervention meant to raise digital competences: a course, a drop-in café, the idea competition, … It keeps its
/// own rules (<see cref="InitiativeRules"/>): it cannot be created or changed into something that breaks them.
/// </summary>
public sealed class Initiative : IEntity
{
    private Initiative()
    {
        Code = "";
        Title = "";
    }

    /// <param name="id">Set only by generators that write rows with their own ids; otherwise the database assigns it.</param>
    /// <exception cref="ArgumentException">The code or details break a rule; check them with <see cref="InitiativeRules"/> first.</exception>
    public Initiative(string code, InitiativeKind kind, InitiativeDetails details, int id = 0) : this()
    {
        var refusals = new Refusals();
        InitiativeRules.CheckCode(refusals, code);
        InitiativeRules.CheckDetails(refusals, details);
        if (refusals.Any) throw new ArgumentException(refusals.All[0].Message, nameof(details));
        Id = id;
        Code = code;
        Kind = kind;
        Apply(details);
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public InitiativeKind Kind { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Where to take part online: the e-learning programme or the video guide.</summary>
    public string? Url { get; private set; }

    public string? EnglishTitle { get; private set; }
    public string? EnglishDescription { get; private set; }

    /// <summary>Titles and descriptions in both languages, folded by <see cref="SeedWork.SearchText"/>.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The unit the initiative is for; its sub-units are included.</summary>
    public int UnitId { get; private set; }
    public OrganisationUnit? Unit { get; private set; }

    /// <summary>Target profiles as a bit set (bit n-1 for level n), so "targets HESITANT" is one SQL expression.</summary>
    public int TargetProfileMask { get; private set; }

    public DateOnly StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }

    public IReadOnlyList<CompetenceProfileKind> TargetProfiles =>
        Enum.GetValues<CompetenceProfileKind>().Where(k => (TargetProfileMask & MaskOf(k)) != 0).ToList();

    public InitiativeDetails Details => new(Title, Description, UnitId, TargetProfiles, StartsOn, EndsOn, Url, EnglishTitle, EnglishDescription);

    /// <summary>Current or upcoming on <paramref name="today"/>: not ended before it.</summary>
    public bool IsOpenOn(DateOnly today) => EndsOn is not { } end || end >= today;

    public static int MaskOf(CompetenceProfileKind kind) => 1 << ((int)kind - 1);

    /// <summary>Replaces the details, unless they break a rule; then nothing changes and the refusals say why.</summary>
    public Refusals Change(InitiativeDetails details)
    {
        var refusals = new Refusals();
        InitiativeRules.CheckDetails(refusals, details);
        if (!refusals.Any) Apply(details);
        return refusals;
    }

    /// <summary>For rows saved before search was folded: the same text a change would store.</summary>
    public void FoldSearchText() => SearchText = SeedWork.SearchText.Fold(Title, Description, EnglishTitle, EnglishDescription);

    private void Apply(InitiativeDetails details)
    {
        Title = details.Title.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        if (UnitId != details.UnitId) Unit = null;
        UnitId = details.UnitId;
        TargetProfileMask = details.TargetProfiles.Aggregate(0, (mask, k) => mask | MaskOf(k));
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        Url = string.IsNullOrWhiteSpace(details.Url) ? null : details.Url.Trim();
        EnglishTitle = string.IsNullOrWhiteSpace(details.EnglishTitle) ? null : details.EnglishTitle.Trim();
        EnglishDescription = string.IsNullOrWhiteSpace(details.EnglishDescription) ? null : details.EnglishDescription.Trim();
        FoldSearchText();
    }
}
