namespace DigitalInitiativer.Api.GraphQL.Authorization;

/// <summary>The app roles defined on the Entra ID app registration, read from the token's "roles" claim.</summary>
public static class Roles
{
    public const string Employee = "Employee";
    public const string InitiativeManager = "InitiativeManager";
    public const string Evaluator = "Evaluator";
    public const string Administrator = "Administrator";

    public static readonly string[] All = [Employee, InitiativeManager, Evaluator, Administrator];

    /// <summary>Create and change initiatives, record participation, run competitions.</summary>
    public static readonly string[] Managers = [InitiativeManager, Administrator];

    /// <summary>Read aggregates: distributions, reach and, later, transitions.</summary>
    public static readonly string[] Analysts = [Evaluator, Administrator];

    /// <summary>Aggregates about initiatives, for those who run them as well as those who evaluate them.</summary>
    public static readonly string[] ReachReaders = [InitiativeManager, Evaluator, Administrator];
}
