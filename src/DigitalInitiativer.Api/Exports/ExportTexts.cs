using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Exports;

/// <summary>The error messages of the CSV exports that people read.</summary>
public static class ExportTexts
{
    public static readonly Text SignIn = new("Du skal være logget ind for at eksportere tal.", "Sign in to export figures.");
    public static readonly Text UnknownParameter = new("Ukendt parameter '{0}'; denne eksport tager imod {1}.", "Unknown parameter '{0}'; this export takes {1}.");
}
