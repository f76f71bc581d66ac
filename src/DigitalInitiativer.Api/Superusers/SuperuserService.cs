using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Superusers;

public sealed record RegisterSuperuserInput(string EmployeeNumber, string UnitId);

public sealed record UnregisterSuperuserInput(string Id);

/// <summary>Administrators appoint and remove digital superusers; employees find those of their own unit and the units above it.</summary>
public sealed class SuperuserService(AppDbContext db, EmployeeNumbers employeeNumbers, Viewer viewer, TimeProvider clock)
{
    public async Task<Result<DigitalSuperuser>> RegisterAsync(RegisterSuperuserInput input, CancellationToken cancellationToken)
    {
        var refusals = new Refusals();
        refusals.Required("employeeNumber", input.EmployeeNumber);
        var keys = string.IsNullOrWhiteSpace(input.EmployeeNumber) ? [] : employeeNumbers.KeysOf(input.EmployeeNumber).ToList();
        var person = await db.Persons().Where(p => keys.Contains(p.Key) && p.ErasedAtUtc == null).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (person is null && keys.Count > 0) refusals.Invalid("employeeNumber", RefusalCodes.NotFound, SuperuserTexts.UnknownEmployeeNumber.Format());
        var unitId = await db.FindUnitAsync(refusals, input.UnitId, cancellationToken);
        if (refusals.Any) return refusals;
        var existing = await db.DigitalSuperusers().FirstOrDefaultAsync(s => s.PersonId == person && s.UnitId == unitId, cancellationToken);
        if (existing is not null) return existing;
        var superuser = new DigitalSuperuser(person!.Value, unitId!.Value, clock.GetUtcNow().UtcDateTime);
        db.DigitalSuperusers().Add(superuser);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return superuser;
        }
        catch (DbUpdateException)
        {
            // Registered by another request a moment ago: the unique index kept it once, and this is the same registration.
            db.ChangeTracker.Clear();
            return await db.DigitalSuperusers().SingleAsync(s => s.PersonId == person && s.UnitId == unitId, cancellationToken);
        }
    }

    public async Task<Result<DigitalSuperuser>> UnregisterAsync(UnregisterSuperuserInput input, CancellationToken cancellationToken)
    {
        var superuser = GlobalId.TryParseKey(input.Id, DigitalSuperuserType.TypeName) is { } id
            ? await db.DigitalSuperusers().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;
        if (superuser is null) return new NotFound(SuperuserTexts.NoSuperuser.Format(), input.Id) { Field = ["id"] };
        await db.DigitalSuperusers().Where(s => s.Id == superuser.Id).ExecuteDeleteAsync(cancellationToken);
        return superuser;
    }

    /// <summary>node(id:) shows a registration to administrators, and to those whose unit it covers, as me.digitalSuperusers does.</summary>
    public async ValueTask<bool> IsVisibleAsync(DigitalSuperuser superuser)
    {
        if (viewer.IsInAnyRole(Roles.Administrator)) return true;
        return await viewer.OwnUnitAndAboveAsync(CancellationToken.None) is { } mine && await mine.ContainsAsync(superuser.UnitId);
    }

    /// <summary>The superusers of the caller's unit and every unit above it, nearest unit first.</summary>
    public async Task<IReadOnlyList<DigitalSuperuser>> ForMeAsync(CancellationToken cancellationToken)
    {
        if (await viewer.OwnUnitAndAboveAsync(cancellationToken) is not { } above) return [];
        return await db.DigitalSuperusers().Where(s => above.Contains(s.UnitId))
            .Join(db.Units(), s => s.UnitId, u => u.Id, (s, u) => new { s, u.Path })
            .OrderByDescending(x => x.Path.Length).ThenBy(x => x.s.DisplayName).ThenBy(x => x.s.Id).Select(x => x.s).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DigitalSuperuser>> AllAsync(string? unitGlobalId, CancellationToken cancellationToken)
    {
        var superusers = db.DigitalSuperusers().AsQueryable();
        if (unitGlobalId is not null)
        {
            var unitId = GlobalId.ParseKey(unitGlobalId, OrganisationUnitType.TypeName, "unitId");
            superusers = superusers.Where(s => s.UnitId == unitId);
        }
        return await superusers.OrderBy(s => s.UnitId).ThenBy(s => s.Id).Take(MaxListed).ToListAsync(cancellationToken);
    }

    public const int MaxListed = 1000;
}

public static class SuperuserTexts
{
    public static readonly Text UnknownEmployeeNumber = new("Ingen person har dette medarbejdernummer.", "Nobody has this employee number.");
    public static readonly Text NoSuperuser = new("Ingen superbruger-registrering har dette id.", "No superuser registration has this id.");
}

public sealed class DigitalSuperuserType : NodeType<DigitalSuperuser>
{
    public const string TypeName = "DigitalSuperuser";

    public DigitalSuperuserType() : base(TypeName, "A digital superuser: a colleague appointed to help others with digital tools (peer training) in a unit and the units below it. "
        + "Shown with the name and contact from their own sign-in; never with their profile.")
    {
        Field<NonNullGraphType<OrganisationUnitType>>("unit").Description("The unit they help; its sub-units are included.")
            .ResolveById<DigitalSuperuser, OrganisationUnit>(s => s.UnitId);
        Field<StringGraphType>("displayName").Description("Their name, as their sign-in gives it; null until they have signed in once.").Resolve(ctx => ctx.Source.DisplayName);
        Field<StringGraphType>("contact").Description("How to reach them (their email or user name), as their sign-in gives it; null until they have signed in once.").Resolve(ctx => ctx.Source.Contact);
    }
}

public sealed class RegisterSuperuserInputType : InputObjectGraphType<RegisterSuperuserInput>
{
    public RegisterSuperuserInputType()
    {
        Name = "RegisterDigitalSuperuserInput";
        Description = "Who becomes a digital superuser, and for which unit.";
        Field<NonNullGraphType<StringGraphType>>("employeeNumber").Description("Their employee number; pseudonymised on the way in, like imports.");
        Field<NonNullGraphType<IdGraphType>>("unitId").Description("The unit they help, with its sub-units.");
    }
}

public sealed class UnregisterSuperuserInputType : InputObjectGraphType<UnregisterSuperuserInput>
{
    public UnregisterSuperuserInputType()
    {
        Name = "UnregisterDigitalSuperuserInput";
        Description = "A registration to end; its name and contact are deleted with it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The DigitalSuperuser.");
    }
}

public sealed class RegisterSuperuserErrorType() : UserErrorUnion("RegisterDigitalSuperuserError", "registerDigitalSuperuser", typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public sealed class UnregisterSuperuserErrorType() : UserErrorUnion("UnregisterDigitalSuperuserError", "unregisterDigitalSuperuser", typeof(NotFoundErrorType));

/// <summary>me.digitalSuperusers: whom to ask for peer training.</summary>
public sealed class MySuperusers : IFieldsFor<ViewerType>
{
    public void AddTo(ViewerType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DigitalSuperuserType>>>>("digitalSuperusers")
            .Description("The digital superusers of the caller's unit and of every unit above it, nearest unit first: whom to ask for peer training.")
            .Resolve().WithService<SuperuserService>()
            .ResolveAsync(async (ctx, superusers) => await superusers.ForMeAsync(ctx.CancellationToken));
}

public static class SuperusersFeature
{
    public static IServiceCollection AddSuperusers(this IServiceCollection services) => services
        .AddScoped<SuperuserService>()
        .AddSingleton<global::GraphQL.DI.IConfigureExecution, SuperuserContactFromSignIn>()
        .AddFieldsFor<ViewerType, MySuperusers>()
        .AddNodeSource<DigitalSuperuser>(DigitalSuperuserType.TypeName, (sp, superuser) => sp.GetRequiredService<SuperuserService>().IsVisibleAsync(superuser));

    public static void AddSuperuserQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DigitalSuperuserType>>>>("digitalSuperusers")
            .Description($"Every digital superuser registration, or those of one unit, for administrators; at most {SuperuserService.MaxListed}. Employees use me.digitalSuperusers.")
            .Argument<IdGraphType>("unitId", "Only registrations for this unit.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<SuperuserService>()
            .ResolveAsync(async (ctx, superusers) => await superusers.AllAsync(ctx.GetArgument<string?>("unitId"), ctx.CancellationToken));

    public static void AddSuperuserMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<DigitalSuperuserType, DigitalSuperuser, RegisterSuperuserErrorType>>>("registerDigitalSuperuser")
            .Description("Appoints a person digital superuser for a unit. Registering the same person and unit again changes nothing.")
            .Argument<NonNullGraphType<RegisterSuperuserInputType>>("input", "Who and where.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<SuperuserService>()
            .ResolveAsync(async (ctx, superusers) => await superusers.RegisterAsync(ctx.GetArgument<RegisterSuperuserInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<DigitalSuperuserType, DigitalSuperuser, UnregisterSuperuserErrorType>>>("unregisterDigitalSuperuser")
            .Description("Ends a digital superuser registration.")
            .Argument<NonNullGraphType<UnregisterSuperuserInputType>>("input", "The registration.")
            .AuthorizeWithRoles(Roles.Administrator)
            .Resolve().WithService<SuperuserService>()
            .ResolveAsync(async (ctx, superusers) => await superusers.UnregisterAsync(ctx.GetArgument<UnregisterSuperuserInput>("input"), ctx.CancellationToken));
    }
}
