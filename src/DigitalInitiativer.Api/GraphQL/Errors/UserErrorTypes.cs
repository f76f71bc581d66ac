using DigitalInitiativer.Api.SeedWork;
using GraphQL.Builders;
using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL.Errors;

/// <summary>A refusal as clients see it: message, code and path, shared by every typed mutation error.</summary>
public sealed class UserErrorInterface : InterfaceGraphType<Refusal>
{
    public UserErrorInterface()
    {
        Name = "UserError";
        Description = "A problem with a mutation's input that the caller can fix. Every typed mutation error implements this interface.";
        AddCommonFields(this);
    }

    internal static FieldBuilder<T, IReadOnlyList<string>> AddCommonFields<T>(ComplexGraphType<T> type) where T : Refusal
    {
        type.Field(e => e.Message).Description("A human-readable explanation for people, in the caller's language: Danish unless Accept-Language asks for English. Branch on code, which is the same in both.");
        type.Field(e => e.Code).Description("A stable machine-readable code (see docs/errors.md). Branch on this, not on the message.");
        return type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, IReadOnlyList<string>>("path")
            .Description("Where in the mutation's arguments the problem is, e.g. [\"input\", \"items\", \"3\", \"personId\"].");
    }
}

/// <summary>
/// The GraphQL type of one kind of refusal; its name (…ErrorType → …Error) is what clients see. Every mutation takes
/// one <c>input</c>, so a refusal's field maps to the path ["input", …field]; this is the one place that mapping happens.
/// </summary>
public abstract class UserErrorType<T> : ObjectGraphType<T> where T : Refusal
{
    protected UserErrorType(string description)
    {
        Description = description;
        Interface<UserErrorInterface>();
        IsTypeOf = source => source is T;
        UserErrorInterface.AddCommonFields(this).Resolve(ctx => ctx.Source.Field is { } field ? ["input", .. field] : []);
    }
}

public sealed class InvalidInputErrorType : UserErrorType<InvalidInput>
{
    public InvalidInputErrorType() : base(
        "An input value breaks a rule: REQUIRED, TOO_LONG, INVALID_FORMAT, OUT_OF_RANGE, END_BEFORE_START, EMPTY_LIST, TOO_MANY_ITEMS, DUPLICATE_ITEM, SELF_CO_AUTHOR or NO_SESSIONS_FOR_KIND.")
    {
    }
}

public sealed class NotFoundErrorType : UserErrorType<NotFound>
{
    public NotFoundErrorType() : base("An id in the input does not name an existing object of the expected type. Forged ids get this error too. Code NOT_FOUND.")
    {
        Field(e => e.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id that was not found, as it was sent.");
    }
}

public sealed class CodeTakenErrorType : UserErrorType<CodeTaken>
{
    public CodeTakenErrorType() : base("The chosen code is already used by another object; codes are unique. Code CODE_TAKEN.")
    {
        Field(e => e.Value).Description("The code that is already taken.");
    }
}

/// <summary>The errors one mutation can return, as a union so clients and code generators know the exact set.</summary>
public abstract class UserErrorUnion : UnionGraphType
{
    protected UserErrorUnion(string name, string mutation, params Type[] errorTypes)
    {
        Name = name;
        Description = $"The typed errors {mutation} can return. Each implements UserError.";
        foreach (var type in errorTypes) Type(type);
    }
}
