using System.Text.Json;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Transport;

/// <summary>The npm package graphql-http ships the reference audit suite for the GraphQL-over-HTTP spec.</summary>
public sealed class GraphQLHttpAuditTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    [Fact]
    public async Task Every_graphql_http_server_audit_passes_including_the_SHOULDs()
    {
        var output = await NodeScript.RunAsync("audit.mjs", api.GraphQLUrl);

        var audits = JsonSerializer.Deserialize<List<AuditResult>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.True(audits.Count >= 50, $"Expected the full audit suite, got {audits.Count} results.");
        var failed = audits.Where(a => a.Status != "ok").Select(a => $"{a.Id} {a.Name}: {a.Status} {a.Reason}").ToList();
        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));
    }

    private sealed record AuditResult(string Id, string Name, string Status, string? Reason);
}
