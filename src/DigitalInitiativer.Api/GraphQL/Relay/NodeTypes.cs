using DigitalInitiativer.Api.Data;
using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL.Relay;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id. Any such object can be fetched again with node(id:).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("An opaque global id, unique across all types.");
    }
}

/// <summary>An object type for a stored entity: implements Node and exposes its opaque global id.</summary>
public abstract class NodeType<T> : ObjectGraphType<T> where T : class, IEntity
{
    protected NodeType(string name, string description)
    {
        Name = name;
        Description = description;
        Interface<NodeInterface>();
        IsTypeOf = source => source is T;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description($"The {name}'s opaque global id.")
            .Resolve(ctx => GlobalId.Encode(name, ctx.Source.Id));
    }
}
