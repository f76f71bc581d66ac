using System.Security.Claims;
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
public sealed class AuthorizationValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var referenced = context.GetRecursivelyReferencedFragments(context.Operation)?.ToHashSet() ?? [];
        return new(new Visitor(referenced));
    }

    private sealed class Visitor(HashSet<GraphQLFragmentDefinition> referencedFragments) : INodeVisitor
    {
        private bool _inScope;
        private readonly HashSet<string> _reported = [];

        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _inScope = operation == context.Operation;
                    break;
                case GraphQLFragmentDefinition fragment:
                    _inScope = referencedFragments.Contains(fragment);
                    break;
                case GraphQLField field when _inScope && context.ShouldIncludeNode(field):
                    if (context.TypeInfo.GetFieldDef() is not { } definition || context.TypeInfo.GetParentType() is not { } parent) break;
                    var label = $"{parent.Name}.{definition.Name}";
                    if (_reported.Contains(label)) break;
                    var denied = await CheckAsync(definition, context) ?? await CheckAsync(definition.ResolvedType?.GetNamedType(), context);
                    if (denied is { } code)
                    {
                        _reported.Add(label);
                        context.ReportError(new AccessDeniedError(context.Document.Source, code, label, field));
                    }
                    break;
            }
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

        private static async ValueTask<string?> CheckAsync(IMetadataReader? metadata, ValidationContext context)
        {
            if (metadata is null || metadata.IsAnonymousAllowed() || !metadata.IsAuthorizationRequired()) return null;
            var user = context.User ?? new ClaimsPrincipal();
            if (user.Identity?.IsAuthenticated != true) return ErrorCodes.NotAuthenticated;

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
    public AccessDeniedError(GraphQLParser.ROM source, string code, string field, ASTNode node)
        : base(source, null!, code == ErrorCodes.NotAuthenticated ? $"Sign in to use '{field}'." : $"Your role does not allow '{field}'.", node)
    {
        Code = code;
    }

    public bool IsNotAuthenticated => Code == ErrorCodes.NotAuthenticated;
}
