using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL.Relay;

public enum OrderDirection
{
    [System.ComponentModel.Description("Smallest first: A to Z, oldest first.")]
    Asc = 1,

    [System.ComponentModel.Description("Largest first: Z to A, newest first.")]
    Desc = 2,
}

public sealed class OrderDirectionType : EnumerationGraphType<OrderDirection>
{
    public OrderDirectionType()
    {
        Name = "OrderDirection";
        Description = "Sort direction.";
    }
}
