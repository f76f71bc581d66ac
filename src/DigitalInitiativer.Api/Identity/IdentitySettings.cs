namespace DigitalInitiativer.Api.Identity;

/// <summary>Bound from the "Identity" configuration section.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>
    /// The Entra ID token claim that carries the employee number, which links a signed-in person to their
    /// pseudonymous Person record. Entra does not send it by default: add it with a claims-mapping policy
    /// from the user's employeeId attribute (see README).
    /// </summary>
    public string PersonClaim { get; set; } = "employeeid";
}

/// <summary>Bound from the "Pseudonymisation" configuration section. The key never lives in the database.</summary>
public sealed class PseudonymisationSettings
{
    public const string Section = "Pseudonymisation";

    public string? Key { get; set; }
}
