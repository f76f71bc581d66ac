using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>GraphQL.NET calls its DateOnly scalar "DateOnly"; clients expect the conventional name "Date".</summary>
public sealed class DateType : DateOnlyGraphType
{
    public DateType()
    {
        Name = "Date";
        Description = "A calendar date without time or time zone, as an ISO 8601 string: yyyy-MM-dd, e.g. 2017-04-15.";
    }
}
