using System.Security.Claims;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.DI;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Identity;

/// <summary>
/// Who is asking, for one request: their roles and, when the token links them to one, their Person. The user is the
/// GraphQL execution's own (<see cref="ViewerFromExecution"/>), the same one authorization checked, over HTTP and
/// WebSocket alike.
/// </summary>
public sealed class Viewer(AppDbContext db, IOptions<IdentitySettings> settings, Pseudonymiser pseudonymiser) : ICarriedToEventScope
{
    private int? _personId, _unitId;
    private bool _resolved;

    public ClaimsPrincipal User { get; private set; } = new(new ClaimsIdentity());

    public void SignIn(ClaimsPrincipal user)
    {
        User = user;
        _resolved = false;
        _unitId = null;
    }

    public bool IsInAnyRole(params string[] roles) => roles.Any(User.IsInRole);

    /// <summary>Each event of a subscription is resolved for whoever subscribed.</summary>
    public void CarryTo(IServiceProvider eventScope) => eventScope.GetRequiredService<Viewer>().SignIn(User);

    /// <summary>The caller's app roles, in the order of <see cref="GraphQL.Authorization.Roles.All"/>.</summary>
    public IReadOnlyList<string> Roles => GraphQL.Authorization.Roles.All.Where(User.IsInRole).ToList();

    /// <summary>Who the caller is, for audit entries: the token's object id or subject, never a name.</summary>
    public string CallerId => Caller.IdOf(User);

    /// <summary>The display name colleagues see on what the caller writes: the token's name claim.</summary>
    /// <summary>The name from the sign-in, without control or bidirectional override characters, at most 200 characters.</summary>
    public string? DisplayName => User.FindFirst("name")?.Value is { } name ? PlainText.Truncate(PlainText.WithoutForbiddenCharacters(name).Trim(), MaxDisplayNameLength) : null;

    public const int MaxDisplayNameLength = 200;

    /// <summary>How colleagues reach the caller: the sign-in's email, or else its user name (in Entra ID usually the email address).</summary>
    public string? Contact => (User.FindFirst("email") ?? User.FindFirst("preferred_username"))?.Value is { } contact
        ? PlainText.Truncate(PlainText.WithoutForbiddenCharacters(contact).Trim(), MaxDisplayNameLength) : null;

    /// <summary>The pseudonymous key of the caller's Person, from the token; null when the token names nobody.</summary>
    public string? PersonKey
    {
        get
        {
            if (DevTokens.IsDevUser(User)) return User.FindFirst(DevTokens.PersonKeyClaim)?.Value;
            var employeeNumber = User.FindFirst(settings.Value.PersonClaim)?.Value;
            if (string.IsNullOrWhiteSpace(employeeNumber)) return null;
            return pseudonymiser.IsConfigured ? pseudonymiser.Pseudonymise(employeeNumber) : employeeNumber;
        }
    }

    /// <summary>
    /// The caller's unit and every unit above it, as a query to compose (what is "for me": offers, competitions,
    /// superusers); null when the sign-in names no person.
    /// </summary>
    public async Task<IQueryable<int>?> OwnUnitAndAboveAsync(CancellationToken cancellationToken)
    {
        if (await PersonIdAsync(cancellationToken) is not { } me) return null;
        _unitId ??= await db.Persons().Where(p => p.Id == me).Select(p => p.UnitId).SingleAsync(cancellationToken);
        return UnitTree.IdsAbove(db, _unitId.Value);
    }

    public async Task<int?> PersonIdAsync(CancellationToken cancellationToken)
    {
        if (_resolved) return _personId;
        var key = PersonKey;
        _personId = key is null ? null : await db.Persons().Where(p => p.Key == key).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        _resolved = true;
        return _personId;
    }
}

/// <summary>Hands the execution's user to the request's <see cref="Viewer"/> before anything runs, whichever transport carried it.</summary>
public sealed class ViewerFromExecution : IConfigureExecution
{
    public float SortOrder => 100;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        options.RequestServices!.GetRequiredService<Viewer>().SignIn(options.User ?? new ClaimsPrincipal(new ClaimsIdentity()));
        return next(options);
    }
}
