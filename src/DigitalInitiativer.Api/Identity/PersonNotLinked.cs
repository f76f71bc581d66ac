using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Identity;

/// <summary>The sign-in names no Person, so the caller cannot do what only a person does: take part, or have notifications.</summary>
public sealed record PersonNotLinked(string Message) : Refusal(Message, IdentityErrorCodes.PersonNotLinked)
{
    /// <summary>The refusal, in the caller's language.</summary>
    public static PersonNotLinked Instance => new(IdentityTexts.PersonNotLinked.Format());
}

public sealed class PersonNotLinkedErrorType() : UserErrorType<PersonNotLinked>("The sign-in is not linked to a person, so it cannot take part (see Identity:PersonClaim). Code PERSON_NOT_LINKED.");

public static class IdentityErrorCodes
{
    public const string PersonNotLinked = "PERSON_NOT_LINKED";
}
