using System.Net;
using System.Text.RegularExpressions;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Identity;

/// <summary>The matrix sends every mutation as each role, more than the mutation limit allows one caller a minute.</summary>
public sealed class AccessMatrixApiFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:MutationsPerMinute", "100000")];
}

public sealed class AccessMatrixTests(AccessMatrixApiFactory api) : IClassFixture<AccessMatrixApiFactory>
{
    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var operation in AccessMatrix.Operations)
            foreach (var caller in AccessMatrix.Callers)
                cells.Add(operation.Name, caller);
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_may_do_exactly_what_the_matrix_allows(string operationName, string caller)
    {
        var operation = AccessMatrix.Operations.Single(o => o.Name == operationName);
        var client = caller == AccessMatrix.Anonymous ? api.CreateAnonymousClient() : api.CreateGraphQLClient(caller, "demo-0001");

        var response = await client.PostAsync(operation.Document, operation.Variables);

        if (operation.Allowed.Contains(caller))
        {
            Assert.DoesNotContain(response.ErrorCodes, c => c.StartsWith("AUTH_"));
            Assert.Equal(HttpStatusCode.OK, response.Status);
        }
        else if (caller == AccessMatrix.Anonymous)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
            Assert.Null(response.Body["data"]);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes.Distinct());
            Assert.Null(response.Body["data"]);
        }
    }

    [Fact]
    public void The_README_matrix_says_what_the_tests_check()
    {
        var readme = File.ReadAllText(Path.Combine(ApiFactory.TestProjectDirectory, "..", "..", "README.md"));
        foreach (var operation in AccessMatrix.Operations)
        {
            var row = readme.Split('\n').FirstOrDefault(line => line.StartsWith($"| {operation.Name} |", StringComparison.Ordinal));
            Assert.True(row is not null, $"README's access matrix has no row for {operation.Name}");
            var cells = row!.Split('|', StringSplitOptions.TrimEntries)[2..^1];
            var expected = AccessMatrix.Callers.Select(c => operation.Allowed.Contains(c) ? "✓" : "✗");
            Assert.Equal(expected, cells);
        }
    }

    [Fact]
    public async Task A_refusal_looks_the_same_whether_or_not_the_data_exists()
    {
        var evaluator = api.CreateGraphQLClient("Evaluator");
        const string Query = "query($id: ID!) { auditLog(subjectId: $id) { totalCount } }";

        var existing = await evaluator.PostAsync(Query, new { id = GlobalIds.Of("Person", 1) });
        var missing = await evaluator.PostAsync(Query, new { id = GlobalIds.Of("Person", 999999) });

        Assert.Equal(existing.Status, missing.Status);
        Assert.Equal(existing.Body.ToJsonString(), missing.Body.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_or_expired_token_is_treated_as_no_sign_in()
    {
        var devTokens = api.Services.GetService(typeof(DigitalInitiativer.Api.Identity.DevTokens)) as DigitalInitiativer.Api.Identity.DevTokens;
        var expired = devTokens!.Create("Administrator", null, lifetime: TimeSpan.FromMinutes(-10));
        var tampered = Regex.Replace(devTokens.Create("Employee", null), @"\.[^.]+$", ".c2lnbmF0dXJl");

        foreach (var token in new[] { expired, tampered, "not-a-jwt" })
        {
            var response = await api.CreateClientWithToken(token).PostAsync("{ competenceProfiles { kind } }");

            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        }
    }
}
