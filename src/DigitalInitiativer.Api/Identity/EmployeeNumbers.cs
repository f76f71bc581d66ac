using System.Text.RegularExpressions;

namespace DigitalInitiativer.Api.Identity;

/// <summary>
/// Finds people by the employee numbers hosts and imports know them by, without storing a number: each is
/// pseudonymised the way sign-in and imports do it. The demo's people have readable keys (demo-0001) instead of
/// pseudonyms; their employee numbers are 90 and the same four digits (900001), as the README says. That reading is on
/// only in Development, where the demo lives, so a real installation never maps a number to a demo key.
/// </summary>
public sealed partial class EmployeeNumbers(Pseudonymiser pseudonymiser, IHostEnvironment environment)
{
    /// <summary>The Person keys this number can have: its pseudonym, and for a demo number the demo key.</summary>
    public IEnumerable<string> KeysOf(string employeeNumber)
    {
        var number = employeeNumber.Trim();
        yield return pseudonymiser.IsConfigured ? pseudonymiser.Pseudonymise(number) : number;
        if (environment.IsDevelopment() && DemoNumber().Match(number) is { Success: true } demo) yield return $"demo-{demo.Groups[1].Value}";
    }

    [GeneratedRegex(@"^90(\d{4})$")]
    private static partial Regex DemoNumber();
}
