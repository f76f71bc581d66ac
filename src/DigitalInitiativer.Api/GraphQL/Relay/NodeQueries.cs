using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL.Relay;

public static class NodeQueries
{
    public const int MaxIds = 100;

    /// <summary>How to fetch each type that implements Node. A schema test checks that none is missing.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IResolveFieldContext, string, IDataLoaderResult<object?>?>> Lookups =
        new Dictionary<string, Func<IResolveFieldContext, string, IDataLoaderResult<object?>?>>
        {
            [CompetenceProfileType.TypeName] = (_, key) => Enum.TryParse<CompetenceProfileKind>(key, out var kind) && Enum.IsDefined(kind)
                ? new Loaded(CompetenceProfile.Of(kind)) : new Loaded(null),
            [OrganisationUnitType.TypeName] = ById<OrganisationUnit>,
            [PersonType.TypeName] = ById<Person>,
            [SurveyWaveType.TypeName] = ById<SurveyWave>,
            [AssessmentType.TypeName] = ById<Assessment>,
            [InitiativeType.TypeName] = ById<Initiative>,
            [ParticipationType.TypeName] = ById<Participation>,
        };

    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches any object by its global id. Returns null when no object has the id; a malformed id is an INVALID_ID error.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The object's global id.")
            .Resolve(ctx => Lookup(ctx, ctx.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Fetches several objects by global id, in the order given, with null for ids that name no object. At most {MaxIds} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The objects' global ids.")
            .Resolve(ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                    throw new ExecutionError($"At most {MaxIds} ids can be fetched at once; {ids.Count} were given.") { Code = ErrorCodes.PaginationOutOfRange };
                return new All(ids.Select(id => Lookup(ctx, id)).ToList());
            });
    }

    private static IDataLoaderResult<object?> Lookup(IResolveFieldContext context, string id)
    {
        if (GlobalId.TryDecode(id, out var globalId) && Lookups.TryGetValue(globalId.TypeName, out var lookup) && lookup(context, globalId.Key) is { } result)
            return result;
        throw new ExecutionError($"'{id}' is not a valid global id.") { Code = ErrorCodes.InvalidId };
    }

    private static IDataLoaderResult<object?>? ById<T>(IResolveFieldContext context, string key) where T : class, IEntity =>
        int.TryParse(key, out var id) && id > 0 ? context.LoadById<T>(id).Then(entity => (object?)entity) : null;

    private sealed class Loaded(object? value) : IDataLoaderResult<object?>
    {
        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);
    }

    private sealed class All(IReadOnlyList<IDataLoaderResult<object?>> parts) : IDataLoaderResult<object?[]>
    {
        public async Task<object?[]> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new object?[parts.Count];
            for (var i = 0; i < parts.Count; i++) values[i] = await parts[i].GetResultAsync(cancellationToken);
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
