using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL.Errors;

/// <summary>
/// The payload type of one mutation, named after its error union: CastVoteError gives CastVotePayload with fields
/// <c>proposal</c> (the result, named after its type) and <c>errors</c>. Its source is the use case's
/// <see cref="Result{T}"/> as it is: the value, or the refusals that stopped it (then nothing was saved).
/// </summary>
public sealed class PayloadType<TResultType, TResult, TErrorUnion> : ObjectGraphType<Result<TResult>>
    where TResultType : IGraphType where TResult : class where TErrorUnion : UserErrorUnion
{
    public PayloadType()
    {
        var mutation = typeof(TErrorUnion).GraphQLName()[..^"Error".Length];
        var resultName = typeof(TResultType).GraphQLName();
        Name = mutation + "Payload";
        Description = $"The result of {char.ToLowerInvariant(mutation[0])}{mutation[1..]}: the {resultName} it changed, or the errors that stopped it.";
        Field<TResultType>(char.ToLowerInvariant(resultName[0]) + resultName[1..])
            .Description($"The {resultName} as saved; null when there are errors.")
            .Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TErrorUnion>>>>("errors")
            .Description("What was wrong. Empty on success; when not empty, nothing was saved.")
            .Resolve(ctx => ctx.Source.Refusals);
    }
}
