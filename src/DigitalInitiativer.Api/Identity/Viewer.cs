using System.Security.Claims;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Identity;

/// <summary>Who is asking, for one request: their roles and, when the token links them to one, their Person.</summary>
public sealed class Viewer(IHttpContextAccessor http, AppDbContext db, IOptions<IdentitySettings> settings, Pseudonymiser pseudonymiser)
{
    private int? _personId;
    private bool _resolved;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsInAnyRole(params string[] roles) => roles.Any(User.IsInRole);

    /// <summary>The caller's app roles, in the order of <see cref="Identity.Roles.All"/>.</summary>
    public IReadOnlyList<string> Roles => Identity.Roles.All.Where(User.IsInRole).ToList();

    /// <summary>Who the caller is, for audit entries and rate limits: the token's object id or subject, never a name.</summary>
    public string CallerId => CallerIdOf(User);

    public static string CallerIdOf(ClaimsPrincipal? user) => user?.FindFirst("oid")?.Value ?? user?.FindFirst("sub")?.Value ?? "anonymous";

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

    public async Task<int?> PersonIdAsync(CancellationToken cancellationToken)
    {
        if (_resolved) return _personId;
        var key = PersonKey;
        _personId = key is null ? null : await db.Persons().Where(p => p.Key == key).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        _resolved = true;
        return _personId;
    }
}
