using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Strategy;
using DigitalInitiativer.Api.Surveys;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace DigitalInitiativer.Api.GraphQL.Relay;

public static class NodeQueries
{
    public const int MaxIds = 100;

    /// <summary>What the caller may see through node(id:): catalogue objects always, person-level data only when it is theirs or their role needs it.</summary>
    private sealed record Access(int? PersonId, bool IsManager, bool IsAdministrator, bool IsAnalyst);

    private sealed record NodeLookup(Func<IResolveFieldContext, string, IDataLoaderResult<object?>?> Load, Func<object, Access, bool> Visible);

    /// <summary>How to fetch each type that implements Node. A schema test checks that none is missing.</summary>
    private static readonly IReadOnlyDictionary<string, NodeLookup> LookupsByType = new Dictionary<string, NodeLookup>
    {
        [CompetenceProfileType.TypeName] = new((_, key) => new Loaded(Enum.TryParse<CompetenceProfileKind>(key, out var kind) && Enum.IsDefined(kind) ? CompetenceProfile.Of(kind) : null), (_, _) => true),
        [OrganisationUnitType.TypeName] = new(ById<OrganisationUnit>, (_, _) => true),
        [SurveyWaveType.TypeName] = new(ById<SurveyWave>, (_, _) => true),
        [InitiativeType.TypeName] = new(ById<Initiative>, (_, _) => true),
        // An erased person is gone for everyone: their kept row only gives kept contributions an author.
        [PersonType.TypeName] = new(ById<Person>, (o, a) => ((Person)o).ErasedAtUtc is null && (a.IsManager || ((Person)o).Id == a.PersonId)),
        [ParticipationType.TypeName] = new(ById<Participation>, (o, a) => a.IsManager || ((Participation)o).PersonId == a.PersonId),
        [AssessmentType.TypeName] = new(ById<Assessment>, (o, a) => ((Assessment)o).PersonId == a.PersonId),
        [AuditEntryType.TypeName] = new(ById<AuditEntry>, (_, a) => a.IsAdministrator),
        [StrategyGoalType.TypeName] = new(ById<StrategyGoal>, (_, a) => a.IsAnalyst),
        [IdeaCompetitionType.TypeName] = new(ById<IdeaCompetition>, (_, _) => true),
        [ProposalType.TypeName] = new(ById<Proposal>, (_, _) => true),
        [ProposalCommentType.TypeName] = new(ById<ProposalComment>, (_, _) => true),
    };

    public static IReadOnlyCollection<string> TypeNames => LookupsByType.Keys.ToList();

    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches any object by its global id. Returns null when no object has the id, or when it is another person's data "
                + "the caller may not see; a malformed id is an INVALID_ID error.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The object's global id.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => Lookup(ctx, ctx.GetArgument<string>("id"), await AccessOfAsync(ctx)));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Fetches several objects by global id, in the order given, with null where node(id:) would give null. At most {MaxIds} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The objects' global ids.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                    throw new ExecutionError($"At most {MaxIds} ids can be fetched at once; {ids.Count} were given.") { Code = ErrorCodes.PaginationOutOfRange };
                var access = await AccessOfAsync(ctx);
                return new All(ids.Select(id => Lookup(ctx, id, access)).ToList());
            });
    }

    private static async Task<Access> AccessOfAsync(IResolveFieldContext context)
    {
        var viewer = context.Viewer();
        return new Access(await viewer.PersonIdAsync(context.CancellationToken), viewer.IsInAnyRole(Roles.Managers), viewer.IsInAnyRole(Roles.Administrator), viewer.IsInAnyRole(Roles.Analysts));
    }

    private static IDataLoaderResult<object?> Lookup(IResolveFieldContext context, string id, Access access)
    {
        if (GlobalId.TryDecode(id, out var globalId) && LookupsByType.TryGetValue(globalId.TypeName, out var lookup) && lookup.Load(context, globalId.Key) is { } result)
            return result.Then(found => found is not null && lookup.Visible(found, access) ? found : null);
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
