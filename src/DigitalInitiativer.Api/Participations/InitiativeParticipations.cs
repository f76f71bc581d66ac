using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Initiatives;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Participations;

/// <summary>
/// Initiative.participations for a whole page of initiatives at once: one GROUP BY for the totals (only when
/// totalCount is asked for) and one query for every initiative's page (EF Core turns the per-initiative Take into
/// ROW_NUMBER() OVER (PARTITION BY ...)), so a page of 50 initiatives costs what a page of 5 does. Pages are read by
/// position in recording order, so participations recorded meanwhile never shift them.
/// </summary>
public sealed class InitiativeParticipations(AppDbContext db, DataLoaderRegistry loaders)
{
    private const string Order = "recorded";

    public IDataLoaderResult<Connection<Participation>> Load(IResolveFieldContext context, int initiativeId)
    {
        var page = PageRequest.From(context);
        page.Check(Order, initiativeId);
        var (after, before) = (page.After?.Keys[0].GetInt32(), page.Before?.Keys[0].GetInt32());
        return loaders.GetOrAdd<int, Connection<Participation>>($"initiativeParticipations:{page.First}:{page.Last}:{after}:{before}", async (ids, ct) =>
        {
            var bounded = db.Participations().Where(p => (after == null || p.Id > after) && (before == null || p.Id < before));
            var take = page.Size + 1;
            var initiatives = db.Initiatives().Where(i => ids.Contains(i.Id));
            var pages = page.FromEnd
                ? await initiatives.Select(i => new { i.Id, Rows = bounded.Where(p => p.InitiativeId == i.Id).OrderByDescending(p => p.Id).Take(take).ToList() }).ToDictionaryAsync(x => x.Id, x => x.Rows, ct)
                : await initiatives.Select(i => new { i.Id, Rows = bounded.Where(p => p.InitiativeId == i.Id).OrderBy(p => p.Id).Take(take).ToList() }).ToDictionaryAsync(x => x.Id, x => x.Rows, ct);
            Task<Dictionary<int, int>>? totals = null;
            Task<Dictionary<int, int>> TotalsAsync(CancellationToken token) => totals ??= db.Participations().Where(p => ids.Contains(p.InitiativeId))
                .GroupBy(p => p.InitiativeId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, token);
            return ids.ToDictionary(id => id, id => page.Of(Order, id, null,
                [.. (pages.GetValueOrDefault(id) ?? []).Select(p => new Keyed<Participation>(p, [p.Id]))],
                async token => (await TotalsAsync(token)).GetValueOrDefault(id)));
        }, Connection<Participation>.Empty).Load(initiativeId);
    }
}

/// <summary>Initiative.participations: who took part, for those who run initiatives.</summary>
public sealed class ParticipationsOfInitiative : IFieldsFor<InitiativeType>
{
    public void AddTo(InitiativeType type) =>
        type.Field<NonNullGraphType<ConnectionType<ParticipationType, Participation>>>("participations")
            .Description("Who took part in the initiative, in the order they were recorded. Person-level data: every read is audit-logged.")
            .PagingArguments()
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<InitiativeParticipations>()
            .Resolve((ctx, participations) => participations.Load(ctx, ctx.Source.Id));
}
