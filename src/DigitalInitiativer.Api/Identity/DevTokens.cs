using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DigitalInitiativer.Api.Identity;

/// <summary>
/// Bearer tokens for working without Entra ID. They are signed with a random key kept in the data folder
/// (never committed), and the server only accepts them in the Development environment.
/// </summary>
public sealed class DevTokens
{
    public const string Scheme = "DevToken";
    public const string Issuer = "digitalinitiativer-dev";
    public const string Audience = "digitalinitiativer-api";

    /// <summary>Dev tokens carry the person's key as it is stored; Entra tokens carry an employee number instead.</summary>
    public const string PersonKeyClaim = "person_key";

    private readonly Lazy<SymmetricSecurityKey> _key;

    private readonly TimeProvider _clock;

    public DevTokens(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
    {
        _clock = clock;
        var file = Path.GetFullPath(configuration["DevTokens:SigningKeyFile"] ?? "data/dev-token-signing.key", environment.ContentRootPath);
        _key = new Lazy<SymmetricSecurityKey>(() => new SymmetricSecurityKey(LoadOrCreateKey(file)));
    }

    public SecurityKey SigningKey => _key.Value;

    /// <param name="name">The display name colleagues see on proposals and comments, as Entra ID's name claim gives it.</param>
    public string Create(string role, string? personKey, TimeSpan? lifetime = null, string? name = null, string? email = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = personKey is null ? $"dev-{role.ToLowerInvariant()}" : $"dev-{personKey}",
            ["roles"] = new[] { role },
        };
        if (personKey is not null) claims[PersonKeyClaim] = personKey;
        if (name is not null) claims["name"] = name;
        if (email is not null) claims["email"] = email;
        var now = _clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Whether the request's bearer token says it is a dev token. Only routes it; validation happens in the scheme.</summary>
    public static bool IsDevToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var handler = new JsonWebTokenHandler();
        var token = header["Bearer ".Length..].Trim();
        return handler.CanReadToken(token) && handler.ReadJsonWebToken(token).Issuer == Issuer;
    }

    public static bool IsDevUser(ClaimsPrincipal user) => user.FindFirst("iss")?.Value == Issuer;

    private static byte[] LoadOrCreateKey(string file)
    {
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Write aside, then rename: a process that starts at the same time sees either no key or a whole one.
        var draft = $"{file}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(draft, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        try
        {
            File.Move(draft, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(draft); // another process created the key first; use theirs
        }
        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
