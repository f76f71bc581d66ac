using GraphQL;

namespace DigitalInitiativer.Api.Imports;

public static class ImportsFeature
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<ImportSettings>(configuration.GetSection(ImportSettings.Section))
        .AddScoped<Importer>()
        .AddScoped<ImportService>();
}
