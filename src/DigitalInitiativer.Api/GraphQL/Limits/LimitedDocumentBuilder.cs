using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// Parses documents, but first counts their tokens with the lexer alone and refuses a document over
/// <see cref="GraphQLSettings.MaxTokens"/>. Validation grows with the square of repeated fields, so this cap (as in
/// GraphQL Armor) is what keeps a 200 KB document of one field repeated from costing seconds. Nesting is capped while
/// parsing too, so a deep document is a client error rather than a stack overflow guard's INTERNAL_ERROR.
/// </summary>
public sealed class LimitedDocumentBuilder(IOptions<GraphQLSettings> settings) : IDocumentBuilder
{
    /// <summary>Parser nesting counts AST nodes (a field in a selection set is about 3); well above any valid selection depth.</summary>
    private const int MaxParserDepth = 64;

    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = MaxParserDepth };

    public GraphQLParser.AST.GraphQLDocument Build(string body)
    {
        var max = settings.Value.MaxTokens;
        if (CountTokens(body, max + 1) > max)
            throw new ExecutionError(GraphQLTexts.TooManyTokens.Format(max)) { Code = ErrorCodes.TooManyTokens };
        try
        {
            return _parser.Build(body);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw new ExecutionError(GraphQLTexts.DocumentTooDeep.Format()) { Code = ErrorCodes.DocumentTooDeep };
        }
    }

    /// <summary>Tokens (comments included) up to <paramref name="stopAt"/>; a lexical error ends the count and is left to the parser to report.</summary>
    public static int CountTokens(string body, int stopAt)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (count < stopAt)
            {
                var token = Lexer.Lex(body, position);
                if (token.Kind == TokenKind.EOF) break;
                count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
        }
        return count;
    }
}
