using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Organisation;

/// <summary>The messages about units and persons that people read.</summary>
public static class OrganisationTexts
{
    public static readonly Text NoUnit = new("Ingen organisationsenhed har dette id.", "No organisation unit has this id.");
    public static readonly Text NoPerson = new("Ingen person har dette id.", "No person has this id.");
}
