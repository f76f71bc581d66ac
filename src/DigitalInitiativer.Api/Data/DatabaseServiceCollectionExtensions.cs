using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DigitalInitiativer.Api.Data;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddDigitalInitiativerDatabase(this IServiceCollection services)
    {
        // Read when the first context is built, not at registration, so hosts and tests can still override configuration.
        services.AddSingleton(sp => DatabaseConnection.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        // Each provider has its own migrations, tied to its own context type; the rest of the app asks for AppDbContext.
        // Registered before AddDbContext, which then keeps it.
        services.AddScoped(sp => sp.GetRequiredService<DatabaseConnection>().CreateContext(sp.GetRequiredService<DbContextOptions<AppDbContext>>()));
        services.AddDbContext<AppDbContext>((sp, options) => sp.GetRequiredService<DatabaseConnection>()
            .Configure(options)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddDataProtection().SetApplicationName("DigitalInitiativer").PersistKeysToDbContext<AppDbContext>();
        services.AddHostedService<PostgresListener>();
        return services;
    }
}
