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
/// Initiative.participations for a whole page of initiatives at once: one GROUP BY for the totals and one
/// windowed query (EF Core turns the per-initiative Skip/Take into ROW_NUMBER() OVER (PARTITION BY ...)) for each distinct page window. Forward paging, the usual case,
/// has the same window for every initiative, so a page of 50 initiatives costs two statements, like a page of 5.
/// </summary>
public sealed class InitiativeParticipations(AppDbContext db, DataLoaderRegistry loaders)
{
    public IDataLoaderResult<Connection<Participation>> Load(IResolveFieldContext context, int initiativeId)
    {
        var page = PageRequest.From(context);
        return loaders.GetOrAdd<int, Connection<Participation>>($"initiativeParticipations:{page}", async (ids, ct) =>
        {
            var totals = await db.Participations().Where(p => ids.Contains(p.InitiativeId))
                .GroupBy(p => p.InitiativeId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

            var windows = ids.ToDictionary(id => id, id => page.Window(totals.GetValueOrDefault(id)));
            var result = new Dictionary<int, Connection<Participation>>();
            foreach (var sameWindow in ids.GroupBy(id => FetchWindow(page, windows[id])))
            {
                var (skip, take) = sameWindow.Key;
                var keys = sameWindow.ToList();
                var pages = take == 0 ? [] : await db.Initiatives().Where(i => keys.Contains(i.Id))
                    .Select(i => new { i.Id, Rows = db.Participations().Where(p => p.InitiativeId == i.Id).OrderBy(p => p.Id).Skip(skip).Take(take).ToList() })
                    .ToDictionaryAsync(x => x.Id, x => x.Rows, ct);
                foreach (var id in keys)
                    result[id] = Connection.Of(pages.GetValueOrDefault(id) ?? [], windows[id].Start, totals.GetValueOrDefault(id));
            }
            return result;
        }, Connection.Of<Participation>([], 0, 0)).Load(initiativeId);
    }

    /// <summary>
    /// Forward pages ask every initiative for the same rows (skip after+1, take first), whatever its total;
    /// only backward pages (last/before) depend on each total.
    /// </summary>
    private static (int Skip, int Take) FetchWindow(PageRequest page, (int Start, int End) window) =>
        page is { Last: null, Before: null, First: { } first }
            ? ((page.After ?? -1) + 1, first)
            : (window.Start, window.End - window.Start);
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
