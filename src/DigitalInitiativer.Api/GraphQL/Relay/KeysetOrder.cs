using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Query;

namespace DigitalInitiativer.Api.GraphQL.Relay;

/// <summary>One value a list is sorted by, e.g. a title A to Z.</summary>
public sealed record SortKey<T>(LambdaExpression Selector, bool Descending)
{
    public Type Type => Selector.ReturnType;
}

/// <summary>
/// A sort order that pages by position rather than by offset: a page continues after the sort key values of the last
/// item it showed. Rows added or moved elsewhere in the list do not shift the pages, so no item is skipped or shown
/// twice. The last key must be unique (an id) so that every item has its own position.
/// </summary>
public sealed class KeysetOrder<T>
{
    private readonly SortKey<T>[] _keys;

    private KeysetOrder(string name, SortKey<T>[] keys) => (Name, _keys) = (name, keys);

    /// <summary>The order's name, kept in its cursors: a cursor from another order of the same list is refused.</summary>
    public string Name { get; }

    public static KeysetOrder<T> By<TValue, TId>(string name, Expression<Func<T, TValue>> value, bool descending, Expression<Func<T, TId>> id, bool idDescending) =>
        new(name, [new SortKey<T>(value, descending), new SortKey<T>(id, idDescending)]);

    public static KeysetOrder<T> ById<TId>(string name, Expression<Func<T, TId>> id, bool descending) => new(name, [new SortKey<T>(id, descending)]);

    /// <summary>The list in this order, or in the opposite order to read a page from its end.</summary>
    public IOrderedQueryable<T> Sort(IQueryable<T> source, bool reverse = false)
    {
        var expression = source.Expression;
        for (var i = 0; i < _keys.Length; i++)
        {
            var descending = _keys[i].Descending != reverse;
            var method = (i == 0, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [typeof(T), _keys[i].Type], expression, Expression.Quote(_keys[i].Selector));
        }
        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(expression);
    }

    /// <summary>The items after (or before) the position the cursor's key values mark, in this order.</summary>
    public IQueryable<T> Beyond(IQueryable<T> source, JsonElement[] values, bool before)
    {
        if (values.Length != _keys.Length) throw new JsonException("The cursor does not fit this order.");
        var item = Expression.Parameter(typeof(T), "item");
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < _keys.Length; i++)
        {
            var key = Inline(_keys[i].Selector, item);
            var value = Parameter(values[i].Deserialize(_keys[i].Type), _keys[i].Type);
            var later = Compare(_keys[i].Descending == before ? ExpressionType.GreaterThan : ExpressionType.LessThan, key, value);
            var branch = Expression.AndAlso(equalSoFar, later);
            any = any is null ? branch : Expression.OrElse(any, branch);
            equalSoFar = Expression.AndAlso(equalSoFar, Expression.Equal(key, value));
        }
        return source.Where(Expression.Lambda<Func<T, bool>>(any!, item));
    }

    /// <summary>Each item with its sort key values, read by the same query, so cursors hold exactly what the list was sorted by.</summary>
    public Expression<Func<T, Keyed<T>>> WithKeys()
    {
        var item = Expression.Parameter(typeof(T), "item");
        var keys = _keys.Select(k => Expression.Convert(Inline(k.Selector, item), typeof(object)));
        return Expression.Lambda<Func<T, Keyed<T>>>(
            Expression.New(typeof(Keyed<T>).GetConstructors()[0], item, Expression.NewArrayInit(typeof(object), keys)), item);
    }

    private static Expression Inline(LambdaExpression selector, ParameterExpression item) =>
        ReplacingExpressionVisitor.Replace(selector.Parameters[0], item, selector.Body);

    /// <summary>A value EF Core sends as a query parameter rather than writing it into the SQL.</summary>
    private static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value));
    }

    /// <summary>left &lt; right or left &gt; right; strings through string.Compare, which C# gives no operator for.</summary>
    private static Expression Compare(ExpressionType comparison, Expression left, Expression right) => left.Type == typeof(string)
        ? Expression.MakeBinary(comparison, Expression.Call(typeof(string), nameof(string.Compare), null, left, right), Expression.Constant(0))
        : Expression.MakeBinary(comparison, left, right);
}

/// <summary>An item of a page with the values it was sorted by.</summary>
public sealed record Keyed<T>(T Node, object?[] Keys);
