using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Identity;

/// <summary>
/// Turns an employee number into the pseudonym stored as Person.Key: a keyed HMAC-SHA256, so the same person
/// gets the same pseudonym everywhere, and without the key nobody can go back to the employee number.
/// </summary>
public sealed class Pseudonymiser(IOptions<PseudonymisationSettings> settings)
{
    public bool IsConfigured => !string.IsNullOrEmpty(settings.Value.Key);

    public string Pseudonymise(string employeeNumber)
    {
        if (!IsConfigured) throw new InvalidOperationException("Pseudonymisation:Key is not configured.");
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.Value.Key!), Encoding.UTF8.GetBytes(employeeNumber.Trim()));
        return Convert.ToHexStringLower(hash);
    }
}
