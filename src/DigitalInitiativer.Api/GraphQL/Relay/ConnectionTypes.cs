using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL.Relay;

/// <summary>A Relay connection with <c>edges</c>, <c>nodes</c>, <c>pageInfo</c> and <c>totalCount</c>, named after its node type. A list with more to say (e.g. unread counts) derives from it.</summary>
public class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>> where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var nodeName = typeof(TNodeType).GraphQLName();
        Name = nodeName + "Connection";
        Description = $"A page of {nodeName} objects, in the Relay connection format.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>>("edges")
            .Description("The items of this page, each with the cursor that points at it.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of this page, without cursors: a shortcut for edges { node }.")
            .Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Where this page sits in the whole list, and the cursors to fetch the neighbouring pages.")
            .Resolve(ctx => ctx.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items the whole list holds with the current filter, across all pages.")
            .ResolveAsync(async ctx => await ctx.Source.CountAsync(ctx.CancellationToken));
    }
}

public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>> where TNodeType : IGraphType
{
    public EdgeType()
    {
        var nodeName = typeof(TNodeType).GraphQLName();
        Name = nodeName + "Edge";
        Description = $"One {nodeName} in a connection, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("An opaque cursor that marks this item's position; pass it as after or before to page from here. Items added or moved elsewhere in the list do not shift it.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description($"The {nodeName}.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Paging information for a Relay connection.";
        Field(p => p.HasNextPage).Description("True when items follow this page.");
        Field(p => p.HasPreviousPage).Description("True when items precede this page.");
        Field(p => p.StartCursor, nullable: true).Description("The cursor of the first item on this page; null when the page is empty.");
        Field(p => p.EndCursor, nullable: true).Description("The cursor of the last item on this page; null when the page is empty.");
    }
}

public static class ConnectionFieldExtensions
{
    /// <summary>Adds Relay's first/after/last/before arguments, checked when the request is validated.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", $"Return the first n items (1 to {PageRequest.MaxPageSize}). Defaults to {PageRequest.DefaultPageSize} when neither first nor last is given.")
        .Argument<StringGraphType>("after", "Return items after this cursor.")
        .Argument<IntGraphType>("last", $"Return the last n items (1 to {PageRequest.MaxPageSize}).")
        .Argument<StringGraphType>("before", "Return items before this cursor.")
        .ValidateArguments(PageRequest.Validate);
}
