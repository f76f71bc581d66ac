using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Demo;
using DigitalInitiativer.Api.Exports;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Limits;
using DigitalInitiativer.Api.Observability;
using DigitalInitiativer.Api.Schema;
using DigitalInitiativer.Api.GraphQL.Transport;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Hosting;

public static class HostingExtensions
{
    public const string GraphQLPath = "/graphql";

    public static WebApplicationBuilder AddDigitalInitiativer(this WebApplicationBuilder builder)
    {
        builder.Services.AddDigitalInitiativerDatabase();
        builder.Services.Configure<GraphQLSettings>(builder.Configuration.GetSection(GraphQLSettings.Section));
        builder.Services.AddOptions<AnalyticsSettings>().Bind(builder.Configuration.GetSection(AnalyticsSettings.Section)).ValidateDataAnnotations()
            .Validate<IHostEnvironment>(AnalyticsSettings.Validate, "Analytics:MaximumPerturbation must be below Analytics:MinimumGroupSize, and can be 0 (off) only in Development.").ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.AddDigitalInitiativerIdentity();
        builder.Services.AddDigitalInitiativerSchema(builder.Configuration);
        builder.AddDigitalInitiativerObservability();
        return builder;
    }

    /// <summary>Applies the committed migrations, then seeds the demo municipality when Seed:Demo is true.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await InitiativeSearch.FoldMissingAsync(db, CancellationToken.None);
        if (app.Configuration.GetValue<bool>("Seed:Demo"))
            await DemoData.SeedAsync(db);
        await scope.ServiceProvider.GetRequiredService<AnalyticsSnapshot>().RefreshIfDueAsync(CancellationToken.None);
    }

    public static WebApplication MapDigitalInitiativer(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        // Texts people read are Danish unless Accept-Language (or ?ui-culture=) asks for English. Only the UI culture
        // changes: numbers and dates in codes, exports and logs stay culture-invariant.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, new CultureInfo("da")),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [.. RequestLanguage.Supported.Select(c => new CultureInfo(c))],
        });
        app.UseGraphiQLAssets();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.MapHealthEndpoints();
        app.MapLoadTestBaseline();
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        app.Map(GraphQLPath, endpoint.HandleAsync).LimitedPerCaller();
        app.MapExports();
        return app;
    }

    public static void AnnounceGraphQLUrl(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                app.Logger.LogInformation("GraphQL API: {Url}", address.TrimEnd('/') + GraphQLPath);
        });
}
