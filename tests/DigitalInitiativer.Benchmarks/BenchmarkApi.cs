using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Benchmarks;

/// <summary>The real app in process (Development, so dev tokens and the development pseudonymisation key work) on a given database.</summary>
public sealed class BenchmarkApi(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/DigitalInitiativer.Api", solutionName: "DigitalInitiativer.sln");
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:DigitalInitiativer", connectionString);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    /// <summary>Serves on a real Kestrel port, so clients go through sockets as outside clients do.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }
}
