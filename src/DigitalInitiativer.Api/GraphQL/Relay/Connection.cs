using System.Buffers.Text;
using System.Text;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.GraphQL.Relay;

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>A page of a list. The total is known up front, or counted only when a client asks for <c>totalCount</c>.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> CountAsync)
{
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);
}

/// <summary>Relay paging arguments after validation: <c>first</c>/<c>last</c> within 1..MaxPageSize.</summary>
public sealed record PageRequest(int? First, int? After, int? Last, int? Before)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static PageRequest From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        CheckSize("first", first);
        CheckSize("last", last);
        if (first is null && last is null) first = DefaultPageSize;
        return new PageRequest(first, DecodeCursor(context.GetArgument<string?>("after"), "after"), last, DecodeCursor(context.GetArgument<string?>("before"), "before"));
    }

    /// <summary>The offsets [start, end) of the requested page in a list of <paramref name="total"/> items.</summary>
    public (int Start, int End) Window(int total)
    {
        var start = After is { } after ? Math.Min(after + 1, total) : 0;
        var end = Before is { } before ? Math.Clamp(before, start, total) : total;
        if (First is { } first) end = Math.Min(end, start + first);
        if (Last is { } last) start = Math.Max(start, end - last);
        return (start, end);
    }

    private static void CheckSize(string name, int? value)
    {
        if (value is < 1 or > MaxPageSize)
            throw new ExecutionError($"'{name}' must be between 1 and {MaxPageSize}; it was {value}.") { Code = ErrorCodes.PaginationOutOfRange };
    }

    // Cursors are opaque offsets into the ordered result. Simple and stable for a given order;
    // rows inserted while a client pages can shift a page by one, which is acceptable for these lists.
    internal static string EncodeCursor(int offset) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"offset:{offset}"));

    private static int? DecodeCursor(string? cursor, string argument)
    {
        if (cursor is null) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(7), out var offset) && offset >= 0)
                return offset;
        }
        catch (FormatException)
        {
        }
        throw new ExecutionError($"'{argument}' is not a cursor this list gave out.") { Code = ErrorCodes.InvalidCursor };
    }
}

public static class ConnectionExtensions
{
    /// <summary>
    /// Pages an ordered query. Paging forward takes one query (a row more than asked, to know whether there is a next
    /// page) and counts only if totalCount is selected; paging from the end needs the count first.
    /// </summary>
    public static async Task<Connection<T>> ToConnectionAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken cancellationToken)
    {
        if (page is { First: { } first, Last: null, Before: null })
        {
            var offset = page.After is { } after ? after + 1 : 0;
            var rows = await ordered.Skip(offset).Take(first + 1).ToListAsync(cancellationToken);
            var edges = Connection.EdgesOf(rows.Take(first).ToList(), offset);
            return new Connection<T>(edges,
                new PageInfo(HasNextPage: rows.Count > first, HasPreviousPage: offset > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
                ct => ordered.CountAsync(ct));
        }
        var total = await ordered.CountAsync(cancellationToken);
        var (start, end) = page.Window(total);
        var items = end > start ? await ordered.Skip(start).Take(end - start).ToListAsync(cancellationToken) : [];
        return Connection.Of(items, start, total);
    }
}

public static class Connection
{
    /// <summary>A connection for the items found at offsets start.. of a list of <paramref name="total"/> items.</summary>
    public static Connection<T> Of<T>(IReadOnlyList<T> items, int start, int total)
    {
        var edges = EdgesOf(items, start);
        return new Connection<T>(
            edges,
            new PageInfo(HasNextPage: start + items.Count < total, HasPreviousPage: start > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            _ => Task.FromResult(total));
    }

    internal static List<Edge<T>> EdgesOf<T>(IReadOnlyList<T> items, int start) =>
        items.Select((item, i) => new Edge<T>(PageRequest.EncodeCursor(start + i), item)).ToList();
}
