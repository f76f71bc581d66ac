using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>
/// Keeps documents that parsed and validated, keyed by their text, so that a front-end's repeated operations skip
/// parsing and the specification's validation rules, which depend only on the document and the schema. Every other
/// rule still runs on every request: authorization, limits, complexity and field argument checks (which depend on
/// variables) and the
/// transport's rules. GraphQL.NET's MemoryDocumentCache does the same, but its package is not served here.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    /// <summary>Once this many characters of document text are kept, new documents are not cached.</summary>
    public const int MaxCachedCharacters = 4_000_000;

    /// <summary>The core rules that depend on the document alone; field argument checks (e.g. paging cursors) depend on the variables too.</summary>
    private static readonly HashSet<IValidationRule> SpecificationRules = [.. DocumentValidator.CoreRules.Where(rule => rule is not FieldArgumentsAreValidRule)];
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new();
    private long _cachedCharacters;

    /// <summary>After the options are configured, so the request's full rule list is known.</summary>
    public float SortOrder => 200;

    public int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
            return await next(options);

        if (_documents.TryGetValue(query, out var document))
        {
            options.Document = document;
            options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules).Where(rule => !SpecificationRules.Contains(rule)).ToArray();
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } parsed && Interlocked.Read(ref _cachedCharacters) < MaxCachedCharacters && _documents.TryAdd(query, parsed))
            Interlocked.Add(ref _cachedCharacters, query.Length);
        return result;
    }
}
