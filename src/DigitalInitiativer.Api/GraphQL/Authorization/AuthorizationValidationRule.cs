using DigitalInitiativer.Api.GraphQL.Limits;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;

namespace DigitalInitiativer.Api.GraphQL.Authorization;

/// <summary>
/// Enforces GraphQL.NET's authorization metadata (Authorize, AuthorizeWithRoles, AuthorizeWithPolicy) on every
/// field the operation selects and on the type each field returns, before anything executes. The checks depend
/// only on the schema and the caller, never on data, so a refusal reveals nothing about what exists.
/// </summary>
public sealed class AuthorizationValidationRule(IHostEnvironment environment) : ValidationRuleBase, IGuardRule
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var referenced = context.GetRecursivelyReferencedFragments(context.Operation)?.ToHashSet() ?? [];
        var hideSchema = !environment.IsDevelopment() && context.User?.Identity?.IsAuthenticated != true;
        return new(new Visitor(referenced, hideSchema));
    }

    /// <param name="hideSchema">
    /// Outside Development a caller without a sign-in gets the same refusal for a field that does not exist as for one
    /// that needs a sign-in, so probing cannot map the schema. Their whole document is checked then, other operations,
    /// unused fragments and skipped fields included, since the specification's rules would report unknown names there.
    /// </param>
    private sealed class Visitor(HashSet<GraphQLFragmentDefinition> referencedFragments, bool hideSchema) : INodeVisitor
    {
        private bool _inScope;
        private readonly HashSet<string> _reported = [];
        /// <summary>Without a sign-in, one refusal says all there is to say; more would tell known fields from unknown ones.</summary>
        private bool _askedToSignIn;

        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _inScope = hideSchema || operation == context.Operation;
                    break;
                case GraphQLFragmentDefinition fragment:
                    _inScope = hideSchema || referencedFragments.Contains(fragment);
                    break;
                case GraphQLField field when _inScope && (hideSchema || context.ShouldIncludeNode(field)):
                    if (context.TypeInfo.GetParentType() is not { } parent) break;
                    var definition = context.TypeInfo.GetFieldDef();
                    if (definition is null && !hideSchema) break;
                    var label = $"{parent.Name}.{field.Name.StringValue}";
                    if (_askedToSignIn || _reported.Contains(label)) break;
                    var denied = definition is null
                        ? ErrorCodes.NotAuthenticated
                        : await CheckAsync(definition, context) ?? await CheckAsync(definition.ResolvedType?.GetNamedType(), context);
                    if (denied is { } code)
                    {
                        _reported.Add(label);
                        _askedToSignIn = code == ErrorCodes.NotAuthenticated;
                        context.ReportError(new AccessDeniedError(context.Document.Source, code, label, field));
                    }
                    break;
            }
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

        private static bool IsSignedIn(ValidationContext context) => context.User?.Identity?.IsAuthenticated == true;

        private static async ValueTask<string?> CheckAsync(IMetadataReader? metadata, ValidationContext context)
        {
            if (metadata is null || metadata.IsAnonymousAllowed() || !metadata.IsAuthorizationRequired()) return null;
            if (!IsSignedIn(context)) return ErrorCodes.NotAuthenticated;
            var user = context.User!;

            var roles = metadata.GetRoles();
            if (roles is { Count: > 0 } && !roles.Any(user.IsInRole)) return ErrorCodes.NotAuthorized;

            var policies = metadata.GetPolicies();
            if (policies is { Count: > 0 })
            {
                var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
                foreach (var policy in policies)
                    if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded) return ErrorCodes.NotAuthorized;
            }
            return null;
        }
    }
}

public sealed class AccessDeniedError : ValidationError
{
    /// <summary>Refuses <paramref name="field"/>, or the whole operation when it is null.</summary>
    public AccessDeniedError(GraphQLParser.ROM source, string code, string? field, ASTNode node)
        : base(source, null!, code != ErrorCodes.NotAuthenticated ? GraphQLTexts.RoleDoesNotAllow.Format(field)
            : field is null ? GraphQLTexts.SignInToUseOperation.Format() : GraphQLTexts.SignInToUse.Format(field), node)
    {
        Code = code;
    }

    public bool IsNotAuthenticated => Code == ErrorCodes.NotAuthenticated;

    /// <summary>401 when every error is an access refusal and one asks for a sign-in, 403 when all are role refusals, else null.</summary>
    public static int? StatusOf(IEnumerable<ExecutionError> errors) =>
        !errors.Any() || !errors.All(e => e is AccessDeniedError) ? null
        : errors.OfType<AccessDeniedError>().Any(e => e.IsNotAuthenticated) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
}
