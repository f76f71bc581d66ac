using DigitalInitiativer.Api.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>
/// The app as it runs in production: Entra ID sign-in through Microsoft.Identity.Web, no dev tokens, no introspection.
/// There is no network here, so the only stand-in is where the signing keys come from: a static OpenID configuration
/// with the test issuer's key instead of Entra's metadata endpoint. Tokens are real, signed JWTs, validated by the
/// real JwtBearer handler.
/// </summary>
public class ProductionApiFactory : ApiFactory
{
    public const string TenantId = "7f1c2b8e-0d4a-4a5e-9b61-3c2f1d0e9a11";
    public const string ClientId = "5d3e9c1a-8b2f-4c6d-a7e0-1f2b3c4d5e6f";
    public static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";
    private static readonly SymmetricSecurityKey EntraKey = new(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()) { KeyId = "test-key" };

    protected override string EnvironmentName => "Production";

    // AzureAd:Instance comes from appsettings.json, as in a real installation that sets only the tenant and client.
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("AzureAd:TenantId", TenantId),
        new("AzureAd:ClientId", ClientId),
    ];

    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(SignInSetup.EntraScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(EntraKey);
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.TokenValidationParameters.IssuerValidator = null;
            options.TokenValidationParameters.ValidIssuer = Issuer;
            options.TokenValidationParameters.ValidAudiences = [ClientId, $"api://{ClientId}"];
        });

    /// <summary>An access token shaped like Entra ID's: tid, oid, roles and the configured person claim.</summary>
    public static string EntraToken(string[] roles, string? employeeNumber = null, string? issuer = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["tid"] = TenantId,
            ["oid"] = Guid.NewGuid().ToString(),
            ["sub"] = Guid.NewGuid().ToString("N"),
            ["roles"] = roles,
            ["ver"] = "2.0",
        };
        if (employeeNumber is not null) claims["employeeid"] = employeeNumber;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = ClientId,
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(EntraKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public GraphQLClient CreateEntraClient(params string[] roles) => CreateClientWithToken(EntraToken(roles));
}
