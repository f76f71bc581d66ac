using System.Net;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Limits;

public sealed class ProductionHardeningTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    [Fact]
    public async Task Introspection_is_off_outside_Development_even_for_administrators()
    {
        var response = await api.CreateEntraClient(Roles.Administrator).PostAsync("{ __schema { types { name } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Body["data"]);
        Assert.DoesNotContain("Initiative", response.Body.ToJsonString());
    }

    [Fact]
    public async Task Errors_outside_Development_carry_no_did_you_mean_suggestions()
    {
        var response = await api.CreateEntraClient(Roles.Administrator).PostAsync("{ initiatives { nodes { titl } } }");

        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], response.ErrorCodes);
        Assert.DoesNotContain("Did you mean", response.Body.ToJsonString());
    }

    [Fact]
    public async Task In_Development_the_same_error_suggests_the_field()
    {
        await using var development = new ApiFactory();

        var response = await development.CreateGraphQLClient().PostAsync("{ initiatives { nodes { titl } } }");

        Assert.Contains("Did you mean", response.Body.ToJsonString());
    }

    [Fact]
    public async Task A_browser_gets_no_IDE_outside_Development()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Accept", "text/html");

        using var response = await api.CreateClient().SendAsync(request);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class InternalErrorTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    [Fact]
    public async Task A_failure_inside_the_server_is_reported_as_INTERNAL_ERROR_without_details()
    {
        _ = api.Services; // migrate first, then break the database under the running app
        api.ExecuteSql("ALTER TABLE survey_waves RENAME TO survey_waves_broken_on_purpose");

        var response = await api.CreateEntraClient(Roles.Evaluator).PostAsync("{ surveyWaves { year } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["INTERNAL_ERROR"], response.ErrorCodes);
        var body = response.Body.ToJsonString();
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("survey_waves", body);
        Assert.DoesNotContain(" at ", body);
    }
}
