using System.Net;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Hosting;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Surveys;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Identity;

public sealed class DevTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_dev_token_command_prints_only_a_token_the_development_server_accepts_with_the_persons_name()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exitCode = await DevTokenCommand.TryRunAsync(api.Services, ["dev-token", "--role", "employee", "--person", "demo-0001"], output, errors);

        Assert.Equal(0, exitCode);
        Assert.Single(output.ToString().Trim().Split('\n'));
        Assert.Equal("", errors.ToString());
        var token = output.ToString().Trim();
        var me = await api.CreateClientWithToken(token).QueryAsync("{ me { roles person { key role } } }");
        Assert.Equal(["Employee"], me["me"]!["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("demo-0001", (string?)me["me"]!["person"]!["key"]);
        Assert.Equal("Demo demo-0001", new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).GetClaim("name").Value);
    }

    [Fact]
    public async Task The_dev_token_command_takes_a_display_name_and_warns_on_standard_error_for_a_person_that_does_not_exist()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exitCode = await DevTokenCommand.TryRunAsync(api.Services, ["dev-token", "--role", "Employee", "--person", "demo-9999", "--name", "Anna Andersen"], output, errors);

        Assert.Equal(0, exitCode);
        Assert.Contains("no person has the key 'demo-9999'", errors.ToString());
        Assert.Equal("Anna Andersen", new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(output.ToString().Trim()).GetClaim("name").Value);
    }

    [Fact]
    public async Task The_dev_token_command_refuses_an_unknown_role_on_standard_error()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exitCode = await DevTokenCommand.TryRunAsync(api.Services, ["dev-token", "--role", "Mayor"], output, errors);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output.ToString());
        Assert.Contains("'Mayor' is not a role", errors.ToString());
        Assert.Contains("usage: dev-token --role", errors.ToString());
    }

    [Theory]
    [InlineData("--help", 0)]
    [InlineData("-h", 0)]
    [InlineData("frobnicate", 2)]
    public void Help_and_unknown_commands_list_the_commands_instead_of_starting_the_server(string argument, int expectedExitCode)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exitCode = HelpCommand.TryRun([argument], output, errors);

        Assert.Equal(expectedExitCode, exitCode);
        var listed = expectedExitCode == 0 ? output.ToString() : errors.ToString();
        Assert.All(new[] { "dev-token --role", "import units|survey|participations", "generate --persons", "--help" }, command => Assert.Contains(command, listed));
        if (expectedExitCode == 2) Assert.Contains("Unknown command 'frobnicate'", listed);
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5099")]
    [InlineData("Seed:Demo=false", "")]
    [InlineData("dev-token", "--role")]
    public void Host_options_configuration_and_commands_are_left_to_the_app(string first, string second)
    {
        Assert.Null(HelpCommand.TryRun([first, second], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task An_employee_sees_their_own_profiles_and_participations_and_no_one_elses()
    {
        var anna = await api.CreateGraphQLClient(Roles.Employee, "demo-0101").QueryAsync("{ me { person { key } assessments { wave { year } profile { kind } } participations { initiative { code } } } }");
        var other = await api.CreateGraphQLClient(Roles.Employee, "demo-0102").QueryAsync("{ me { person { key } assessments { wave { year } } } }");

        await using var db = api.OpenDb();
        var person = await db.Persons().SingleAsync(p => p.Key == "demo-0101");
        Assert.Equal(await db.Assessments().CountAsync(a => a.PersonId == person.Id), anna["me"]!["assessments"]!.AsArray().Count);
        Assert.Equal(await db.Participations().CountAsync(p => p.PersonId == person.Id), anna["me"]!["participations"]!.AsArray().Count);
        Assert.Equal("demo-0102", (string?)other["me"]!["person"]!["key"]);
    }
}

public sealed class ProductionSignInTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    [Fact]
    public async Task Dev_tokens_are_rejected_outside_Development()
    {
        var devToken = api.Services.GetRequiredService<DevTokens>().Create(Roles.Administrator, "demo-0001");

        var response = await api.CreateClientWithToken(devToken).PostAsync("{ competenceProfiles { kind } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_Entra_ID_token_signs_in_with_the_app_roles_from_its_roles_claim()
    {
        var evaluator = api.CreateEntraClient(Roles.Evaluator);

        var data = await evaluator.QueryAsync("{ me { roles } surveyWaves { profileDistribution { total } } }");
        var refused = await evaluator.PostAsync("""mutation { recordParticipations(input: { items: [] }) { errors { __typename } } }""");

        Assert.Equal(["Evaluator"], data["me"]!["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected()
    {
        var foreign = ProductionApiFactory.EntraToken([Roles.Administrator], issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0");

        var response = await api.CreateClientWithToken(foreign).PostAsync("{ competenceProfiles { kind } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task The_person_claim_links_the_signed_in_employee_to_their_person_record()
    {
        var token = ProductionApiFactory.EntraToken([Roles.Employee], employeeNumber: "demo-0042");

        var me = await api.CreateClientWithToken(token).QueryAsync("{ me { person { key } } }");

        Assert.Equal("demo-0042", (string?)me["me"]!["person"]!["key"]);
    }
}

/// <summary>With a pseudonymisation key, the employee number in the token is hashed before it is looked up.</summary>
public sealed class PseudonymisedSignInTests(PseudonymisedSignInTests.Factory api) : IClassFixture<PseudonymisedSignInTests.Factory>
{
    public sealed class Factory : ProductionApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Pseudonymisation:Key", "test-only-pseudonymisation-key")];
    }

    [Fact]
    public async Task The_employee_number_in_the_token_is_pseudonymised_before_it_is_matched()
    {
        var pseudonym = api.Services.GetRequiredService<Pseudonymiser>().Pseudonymise("E-12345");
        await using (var db = api.OpenDb())
        {
            db.Persons().Add(new Person { Key = pseudonym, Role = PersonRole.Employee, UnitId = (await db.Units().FirstAsync()).Id });
            await db.SaveChangesAsync();
        }

        var me = await api.CreateClientWithToken(ProductionApiFactory.EntraToken([Roles.Employee], employeeNumber: "E-12345")).QueryAsync("{ me { person { key } } }");

        Assert.Equal(pseudonym, (string?)me["me"]!["person"]!["key"]);
        Assert.NotEqual("E-12345", pseudonym);
    }
}
