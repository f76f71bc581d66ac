using GraphQL.Validation;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>A validation rule that only looks at the document and the caller, in one cheap pass, and runs before the rest.</summary>
public interface IGuardRule : IValidationRule;

/// <summary>
/// Runs the guard rules (access, aliases, repeats, expanded size, text, transport) in a pass of their own before
/// GraphQL.NET's validation, which has
/// rules that grow with the square of a document's fields. A caller who may not use what they ask for is refused
/// before that work starts, so anonymous documents cost a walk of their tokens at most.
/// </summary>
/// <remarks>
/// Outside Development, a caller without a sign-in who gets past the guards (they may only ask for <c>__typename</c>)
/// and still fails validation gets the same single refusal as for a protected field: the specification's messages
/// would tell which names exist (fields in other operations or skipped ones, types in fragments and variables).
/// </remarks>
public sealed class GuardsFirstDocumentValidator(IHostEnvironment environment) : IDocumentValidator
{
    private readonly DocumentValidator _validator = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        var rules = (options.Rules ?? DocumentValidator.CoreRules).ToArray();
        var guards = rules.OfType<IGuardRule>().ToArray();
        if (guards.Length == 0) return _validator.ValidateAsync(options);
        return ValidateInTwoPassesAsync(options, guards, [.. rules.Where(rule => rule is not IGuardRule)]);
    }

    private async Task<IValidationResult> ValidateInTwoPassesAsync(ValidationOptions options, IGuardRule[] guards, IValidationRule[] rest)
    {
        options.Schema.Initialize();
        var context = new ValidationContext
        {
            TypeInfo = new TypeInfo(options.Schema),
            Schema = options.Schema,
            Document = options.Document,
            Operation = options.Operation,
            UserContext = options.UserContext,
            Variables = options.Variables,
            Extensions = options.Extensions,
            Metrics = options.Metrics,
            RequestServices = options.RequestServices,
            User = options.User,
            CancellationToken = options.CancellationToken,
        };
        var visitors = new List<INodeVisitor> { context.TypeInfo };
        foreach (var guard in guards)
            if (await guard.GetPreNodeVisitorAsync(context) is { } visitor) visitors.Add(visitor);
        await new BasicVisitor(visitors).VisitAsync(context.Document, new BasicVisitor.State(context));
        if (context.HasErrors) return new ValidationResult(context.Errors);

        var result = await _validator.ValidateAsync(options with { Rules = rest });
        if (result.IsValid || options.User?.Identity?.IsAuthenticated == true || environment.IsDevelopment()) return result;
        return new ValidationResult([new Authorization.AccessDeniedError(options.Document.Source, ErrorCodes.NotAuthenticated, null, options.Operation)]);
    }
}
