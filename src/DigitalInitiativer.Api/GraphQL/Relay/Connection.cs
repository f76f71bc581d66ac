using System.Text.Json;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.GraphQL.Relay;

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>A page of a list. The total is counted only when a client asks for <c>totalCount</c>.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> CountAsync)
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    public static Connection<T> Empty { get; } = new([], new PageInfo(false, false, null, null), _ => Task.FromResult(0));
}

/// <summary>
/// Relay paging arguments of one connection field, checked when the request is validated (<see cref="Validate"/>):
/// <c>first</c>/<c>last</c> within 1..MaxPageSize, and cursors this field gave out.
/// </summary>
public sealed record PageRequest(string Field, int? First, Cursor? After, int? Last, Cursor? Before, CursorCodec Codec)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The snapshot the pages so far were ranked at; null on a first page.</summary>
    public long? Snapshot => (After ?? Before)?.Snapshot;

    public static PageRequest From(IResolveFieldContext context)
    {
        var codec = context.RequestServices!.GetRequiredService<CursorCodec>();
        var (first, last) = (context.GetArgument<int?>("first"), context.GetArgument<int?>("last"));
        Cursor? Decode(string argument) => context.GetArgument<string?>(argument) is { } text ? codec.Decode(text, argument) : null;
        return new PageRequest(FieldOf(context.FieldDefinition), first is null && last is null ? DefaultPageSize : first,
            Decode("after"), last, Decode("before"), codec);
    }

    /// <summary>Refuses, before anything runs, a page size out of range, a made-up cursor, or one from another connection field.</summary>
    public static void Validate(global::GraphQL.Validation.FieldArgumentsValidationContext context)
    {
        var field = FieldOf(context.FieldDefinition);
        foreach (var name in (ReadOnlySpan<string>)["first", "last"])
            if (context.GetArgument<int?>(name) is { } size && size is < 1 or > MaxPageSize)
                throw new global::GraphQL.Validation.ValidationError(GraphQLTexts.PageSizeOutOfRange.Format(name, MaxPageSize, size)) { Code = ErrorCodes.PaginationOutOfRange };
        var codec = context.RequestServices!.GetRequiredService<CursorCodec>();
        foreach (var name in (ReadOnlySpan<string>)["after", "before"])
        {
            if (context.GetArgument<string?>(name) is not { } text) continue;
            try
            {
                if (codec.Decode(text, name).Field != field) throw CursorCodec.Invalid(name);
            }
            catch (ExecutionError e)
            {
                throw new global::GraphQL.Validation.ValidationError(e.Message) { Code = e.Code };
            }
        }
    }

    /// <summary>Refuses a cursor of this field from another order, or from the same list of another object (e.g. another proposal's comments).</summary>
    public void Check(string order, int? parent)
    {
        if (After is { } after && (after.Order != order || after.Parent != parent)) throw CursorCodec.Invalid("after");
        if (Before is { } before && (before.Order != order || before.Parent != parent)) throw CursorCodec.Invalid("before");
    }

    /// <summary>True when the page is read from the end of the list (<c>last</c> without <c>first</c>).</summary>
    public bool FromEnd => this is { Last: not null, First: null };

    /// <summary>How many rows the page query takes, before one more to know whether more follow.</summary>
    public int Size => First ?? Last!.Value;

    /// <summary>
    /// The page made of <paramref name="fetched"/>: up to <see cref="Size"/> + 1 rows from the page's start, in the
    /// list's order (or from its end, in reverse, when <see cref="FromEnd"/>), each with the key values it was sorted by.
    /// </summary>
    public Connection<T> Of<T>(string order, int? parent, long? snapshot, IReadOnlyList<Keyed<T>> fetched, Func<CancellationToken, Task<int>> countAsync)
    {
        var more = fetched.Count > Size;
        var rows = fetched.Take(Size).ToList();
        if (FromEnd) rows.Reverse();
        var trimmed = !FromEnd && Last is { } last && rows.Count > last;
        if (trimmed) rows = rows[^Last!.Value..];

        var edges = rows.Select(row => new Edge<T>(
            Codec.Encode(new Cursor(Field, order, parent, snapshot, [.. row.Keys.Select(k => JsonSerializer.SerializeToElement(k))])), row.Node)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: FromEnd ? Before is not null : more,
            HasPreviousPage: FromEnd ? more : After is not null || trimmed,
            edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, countAsync);
    }

    /// <summary>The connection field, by its name and the connection type it returns, e.g. <c>proposals:ProposalConnection</c>.</summary>
    private static string FieldOf(global::GraphQL.Types.FieldType field) => $"{field.Name}:{field.ResolvedType!.GetNamedType().Name}";
}

public static class ConnectionExtensions
{
    /// <summary>
    /// Pages a filtered list by position in <paramref name="order"/>: one query for the page (a row more than asked, to
    /// know whether more follow), and a count only if totalCount is selected. <paramref name="parent"/> is the object
    /// the list belongs to; <paramref name="snapshot"/> what an order by live figures ranks at.
    /// </summary>
    public static async Task<Connection<T>> ToConnectionAsync<T>(this IQueryable<T> filtered, KeysetOrder<T> order, PageRequest page, CancellationToken cancellationToken,
        int? parent = null, long? snapshot = null)
    {
        page.Check(order.Name, parent);
        var bounded = filtered;
        if (page.After is { } after) bounded = order.Beyond(bounded, after.Keys, before: false);
        if (page.Before is { } before) bounded = order.Beyond(bounded, before.Keys, before: true);

        var fetched = await order.Sort(bounded, reverse: page.FromEnd).Select(order.WithKeys()).Take(page.Size + 1).ToListAsync(cancellationToken);
        return page.Of(order.Name, parent, snapshot, fetched, filtered.CountAsync);
    }
}
