using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace DigitalInitiativer.Benchmarks;

/// <summary>The real app in process (Development, so dev tokens and the development pseudonymisation key work) on a given database.</summary>
public sealed class BenchmarkApi(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/DigitalInitiativer.Api", solutionName: "DigitalInitiativer.sln");
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:DigitalInitiativer", connectionString);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
