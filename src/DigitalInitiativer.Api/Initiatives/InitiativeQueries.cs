using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Initiatives;

public sealed class InitiativeFilter
{
    public List<InitiativeKind>? Kinds { get; set; }
    public string? UnitId { get; set; }
    public List<CompetenceProfileKind>? TargetProfiles { get; set; }
    public DateOnly? ActiveOn { get; set; }
    public string? Text { get; set; }
    public bool ForMe { get; set; }

    /// <summary>Deprecated: one profile, now <see cref="TargetProfiles"/>.</summary>
    public CompetenceProfileKind? TargetProfile { get; set; }

    /// <summary>Deprecated: title only, now <see cref="Text"/>.</summary>
    public string? TitleContains { get; set; }
}

public sealed class InitiativeFilterType : InputObjectGraphType<InitiativeFilter>
{
    public InitiativeFilterType()
    {
        Name = "InitiativeFilter";
        Description = "Conditions an initiative must meet to be listed. All given conditions must hold.";
        Field<ListGraphType<NonNullGraphType<InitiativeKindType>>>("kinds").Description("Only initiatives of one of these kinds.");
        Field<IdGraphType>("unitId").Description("Only initiatives for this unit or a unit below it.");
        Field<ListGraphType<NonNullGraphType<CompetenceProfileKindType>>>("targetProfiles").Description("Only initiatives that target at least one of these profiles.");
        Field<DateType>("activeOn").Description("Only initiatives running on this date: started on or before it and not ended before it. "
            + "An idea competition runs until its end date; what it is open for now is its phase (competitions(where: { phases })).");
        Field<StringGraphType>("text").Description("Only initiatives whose title or description (Danish or English) contains this text. "
            + "Case and accents are ignored (\"cafe\" finds \"Café\"); æ, ø and å are letters of their own, \"aa\" is read as å "
            + "(\"Aarhus\" finds \"Århus\"), and ä and ö as æ and ø. The same on every database.");
        Field<BooleanGraphType>("forMe").Description("Only offers open to the caller: for their unit or a unit above it, meant for everyone or for the "
            + "caller's latest profile (used only inside this query, never shown), and current or upcoming. Combines with the other conditions. "
            + "Empty when the sign-in is not linked to a person. Default false.").DefaultValue(false);
        Field<CompetenceProfileKindType>("targetProfile").Description("Only initiatives that target this profile.")
            .DeprecationReason("Use targetProfiles, a list like every other set in a filter.");
        Field<StringGraphType>("titleContains").Description("Only initiatives whose title contains this text, ignoring case.")
            .DeprecationReason("Use text, the free-text filter every list has (it also searches the description).");
    }
}

public enum InitiativeOrderField
{
    [System.ComponentModel.Description("Order by title.")]
    Title = 1,

    [System.ComponentModel.Description("Order by start date.")]
    StartsOn = 2,
}

public sealed class InitiativeOrder
{
    public InitiativeOrderField Field { get; set; } = InitiativeOrderField.Title;
    public OrderDirection Direction { get; set; } = OrderDirection.Asc;
}

public sealed class InitiativeOrderFieldType : EnumerationGraphType<InitiativeOrderField>
{
    public InitiativeOrderFieldType()
    {
        Name = "InitiativeOrderField";
        Description = "What to sort initiatives by.";
    }
}

public sealed class InitiativeOrderType : InputObjectGraphType<InitiativeOrder>
{
    public InitiativeOrderType()
    {
        Name = "InitiativeOrder";
        Description = "How to sort initiatives. Ties are broken by creation order, so paging is stable.";
        Field<NonNullGraphType<InitiativeOrderFieldType>>("field").Description("What to sort by.");
        Field<NonNullGraphType<OrderDirectionType>>("direction").Description("Which way to sort.").DefaultValue(OrderDirection.Asc);
    }
}

public static class InitiativeQueries
{
    public static void AddInitiativeQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<InitiativeType, Initiative>>>("initiatives")
            .Description("The catalogue of initiatives, filtered, sorted and paged as a Relay connection.")
            .PagingArguments()
            .Argument<InitiativeFilterType>("where", "Conditions an initiative must meet.")
            .Argument<InitiativeOrderType>("order", "How to sort. Defaults to title, A to Z.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithServices<AppDbContext, OffersForMe>()
            .ResolveAsync(async (ctx, db, offers) =>
            {
                var page = PageRequest.From(ctx);
                var filter = ctx.GetArgument<InitiativeFilter?>("where");
                var filtered = Filter(db, filter);
                if (filter?.ForMe == true) filtered = await offers.ApplyAsync(filtered, ctx.CancellationToken);
                // A catalogue page nearly always shows each initiative's unit: one SQL statement instead of two.
                if (ctx.Selects("nodes", "unit") || ctx.Selects("edges", "node", "unit")) filtered = filtered.Include(i => i.Unit);
                return await filtered.ToConnectionAsync(OrderOf(ctx.GetArgument<InitiativeOrder?>("order") ?? new()), page, ctx.CancellationToken);
            });

        query.Field<InitiativeType>("initiative")
            .Description("The initiative with this code, or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The initiative's unique code.")
            .AuthorizeWithRoles(Roles.All)
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) =>
            {
                var code = ctx.GetArgument<string>("code");
                return await db.Initiatives().FirstOrDefaultAsync(i => i.Code == code, ctx.CancellationToken);
            });
    }

    private static IQueryable<Initiative> Filter(AppDbContext db, InitiativeFilter? filter)
    {
        IQueryable<Initiative> initiatives = db.Initiatives();
        if (filter is null) return initiatives;
        if (filter.Kinds is { Count: > 0 } kinds) initiatives = initiatives.Where(i => kinds.Contains(i.Kind));
        if (filter.UnitId is { } unitGlobalId)
        {
            var unitId = GlobalId.ParseKey(unitGlobalId, OrganisationUnitType.TypeName, "where.unitId");
            var units = UnitTree.IdsUnder(db, unitId);
            initiatives = initiatives.Where(i => units.Contains(i.UnitId));
        }
        var profiles = (filter.TargetProfiles ?? []).Concat(filter.TargetProfile is { } one ? [one] : []).ToList();
        if (profiles.Count > 0)
        {
            var mask = profiles.Aggregate(0, (all, profile) => all | Initiative.MaskOf(profile));
            initiatives = initiatives.Where(i => (i.TargetProfileMask & mask) != 0);
        }
        if (filter.ActiveOn is { } day) initiatives = initiatives.Where(i => i.StartsOn <= day && (i.EndsOn == null || i.EndsOn >= day));
        if (!string.IsNullOrWhiteSpace(filter.TitleContains))
        {
            var title = filter.TitleContains.Trim().ToLower();
            initiatives = initiatives.Where(i => i.Title.ToLower().Contains(title));
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = SearchText.Fold(filter.Text.Trim());
            initiatives = initiatives.Where(i => i.SearchText.Contains(text));
        }
        return initiatives;
    }

    private static KeysetOrder<Initiative> OrderOf(InitiativeOrder order)
    {
        var descending = order.Direction == OrderDirection.Desc;
        var name = $"{order.Field}:{order.Direction}";
        return order.Field == InitiativeOrderField.StartsOn
            ? KeysetOrder<Initiative>.By(name, i => i.StartsOn, descending, i => i.Id, descending)
            : KeysetOrder<Initiative>.By(name, i => i.Title, descending, i => i.Id, descending);
    }
}
