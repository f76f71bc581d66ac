using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace DigitalInitiativer.Api.Identity;

public static class SignInSetup
{
    /// <summary>The scheme Microsoft.Identity.Web registers for Entra ID access tokens.</summary>
    public const string EntraScheme = JwtBearerDefaults.AuthenticationScheme;
    private const string SelectorScheme = "EntraOrDevToken";

    /// <summary>
    /// Entra ID bearer tokens through Microsoft.Identity.Web, plus, in Development only, dev tokens.
    /// A policy scheme routes each request to one of them; outside Development every token goes to Entra validation.
    /// </summary>
    public static WebApplicationBuilder AddDigitalInitiativerIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var isDevelopment = builder.Environment.IsDevelopment();
        var azureAd = builder.Configuration.GetSection("AzureAd");
        var entraConfigured = !string.IsNullOrEmpty(azureAd["ClientId"]);
        if (!entraConfigured && !isDevelopment)
            throw new InvalidOperationException("Sign-in is not configured: set AzureAd:TenantId and AzureAd:ClientId (see README) outside Development.");

        services.Configure<IdentitySettings>(builder.Configuration.GetSection(IdentitySettings.Section));
        services.Configure<PseudonymisationSettings>(builder.Configuration.GetSection(PseudonymisationSettings.Section));
        services.AddSingleton<Pseudonymiser>();
        services.AddSingleton<EmployeeNumbers>();
        services.AddSingleton<DevTokens>();
        services.AddScoped<Viewer>();
        services.AddScoped<GraphQL.ICarriedToEventScope>(sp => sp.GetRequiredService<Viewer>());
        services.AddSingleton<global::GraphQL.DI.IConfigureExecution, ViewerFromExecution>();

        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Entra ID, or a dev token in Development", options =>
                options.ForwardDefaultSelector = context =>
                    isDevelopment && (!entraConfigured || DevTokens.IsDevToken(context)) ? DevTokens.Scheme : EntraScheme);

        if (entraConfigured)
        {
            authentication.AddMicrosoftIdentityWebApi(azureAd, EntraScheme);
            services.Configure<JwtBearerOptions>(EntraScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = "roles";
                options.TokenValidationParameters.NameClaimType = "sub";
            });
        }

        if (isDevelopment)
        {
            authentication.AddJwtBearer(DevTokens.Scheme, _ => { });
            services.AddOptions<JwtBearerOptions>(DevTokens.Scheme).Configure<DevTokens>((options, devTokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = DevTokens.Issuer,
                    ValidAudience = DevTokens.Audience,
                    IssuerSigningKey = devTokens.SigningKey,
                    RoleClaimType = "roles",
                    NameClaimType = "sub",
                };
            });
        }

        services.AddAuthorization();
        return builder;
    }
}
