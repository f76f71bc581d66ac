using DigitalInitiativer.Api.SeedWork;
using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>
/// Fields that a feature adds to another feature's type, e.g. Competitions adds <c>competition</c> to Initiative.
/// Registered in dependency injection and handed to the type's constructor, so a feature never names the features
/// built on top of it (see docs/architecture.md).
/// </summary>
public interface IFieldsFor<in TGraphType> where TGraphType : IComplexGraphType
{
    void AddTo(TGraphType type);
}

public static class FieldsForExtensions
{
    public static void AddFields<TGraphType>(this TGraphType type, IEnumerable<IFieldsFor<TGraphType>> contributions) where TGraphType : IComplexGraphType
    {
        foreach (var contribution in contributions) contribution.AddTo(type);
    }

    public static IServiceCollection AddFieldsFor<TGraphType, TFields>(this IServiceCollection services)
        where TGraphType : IComplexGraphType where TFields : class, IFieldsFor<TGraphType> =>
        services.AddSingleton<IFieldsFor<TGraphType>, TFields>();
}

/// <summary>Reads optional fields of an input object, for inputs whose fields may be left out or cleared with null.</summary>
public static class InputFields
{
    public static Optional<T> Given<T>(this IDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) ? new Optional<T>(true, Convert<T>(value)) : Optional<T>.Unset;

    private static T Convert<T>(object? value) => value switch
    {
        null => default!,
        T typed => typed,
        IEnumerable<object?> items when typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(List<>) => ListOf<T>(items),
        _ => throw new InvalidCastException($"Input value of type {value.GetType().Name} is not a {typeof(T).Name}."),
    };

    private static T ListOf<T>(IEnumerable<object?> items)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(T))!;
        foreach (var item in items) list.Add(item);
        return (T)list;
    }
}
