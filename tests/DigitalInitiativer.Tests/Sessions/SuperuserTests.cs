using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Superusers;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalInitiativer.Tests.Sessions;

/// <summary>Digital superusers: administrators appoint them by employee number; colleagues in their unit and below find them by the name and contact of their own sign-in, never their profile.</summary>
public sealed class SuperuserTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Register = """
        mutation($number: String!, $unit: ID!) { registerDigitalSuperuser(input: { employeeNumber: $number, unitId: $unit }) { digitalSuperuser { id displayName unit { code } } errors { ... on UserError { code path message } } } }
        """;

    private const string Mine = "{ me { digitalSuperusers { displayName contact unit { code } } } }";

    private async Task<string> KeyInAsync(string unitCode, int skip)
    {
        await using var db = api.OpenDb();
        var unit = await db.Units().Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        return await db.Persons().Where(p => p.UnitId == unit).OrderBy(p => p.Id).Skip(skip).Select(p => p.Key).FirstAsync();
    }

    private static string NumberOf(string demoKey) => "90" + demoKey["demo-".Length..];

    [Fact]
    public async Task Colleagues_in_the_unit_and_below_see_the_superuser_by_the_name_and_contact_of_their_own_sign_in()
    {
        var admin = api.CreateGraphQLClient(Roles.Administrator);
        var helperKey = await KeyInAsync("ARB-JC-UNG", 3);
        var registered = (await admin.QueryAsync(Register, new { number = NumberOf(helperKey), unit = await CompetitionDriver.UnitIdAsync(admin, "ARB-JC-UNG") }))["registerDigitalSuperuser"]!;
        Assert.Empty(registered["errors"]!.AsArray());
        Assert.Null(registered["digitalSuperuser"]!["displayName"]);

        // The superuser signs in: their name and contact come from that sign-in.
        var token = api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, helperKey, name: "Bente Hjælper", email: "bente@esbjerg.invalid");
        await api.CreateClientWithToken(token).QueryAsync("{ me { roles } }");

        var colleague = api.CreateGraphQLClient(Roles.Employee, await KeyInAsync("ARB-JC-UNG", 7));
        var seen = (await colleague.QueryAsync(Mine))["me"]!["digitalSuperusers"]!.AsArray();
        var bente = Assert.Single(seen, s => (string?)s!["unit"]!["code"] == "ARB-JC-UNG")!;
        Assert.Equal("Bente Hjælper", (string?)bente["displayName"]);
        Assert.Equal("bente@esbjerg.invalid", (string?)bente["contact"]);
        // The demo's Jobcenter superuser, a unit above, is listed after the nearer one.
        Assert.Equal(["ARB-JC-UNG", "ARB-JC"], seen.Select(s => (string)s!["unit"]!["code"]!).Distinct());

        // Someone in Skoler does not see the Jobcenter's superusers, but sees their own.
        var teacher = api.CreateGraphQLClient(Roles.Employee, await KeyInAsync("BK-SKO", 9));
        Assert.Equal(["BK-SKO"], (await teacher.QueryAsync(Mine))["me"]!["digitalSuperusers"]!.AsArray().Select(s => (string)s!["unit"]!["code"]!));

        // A superuser has no way to a profile: the type holds no person, assessment or profile.
        var fields = (await admin.QueryAsync("""{ __type(name: "DigitalSuperuser") { fields { name } } }"""))["__type"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!);
        Assert.Equal(["contact", "displayName", "id", "unit"], fields.Order());
    }

    [Fact]
    public async Task Registration_is_for_administrators_by_a_known_number_and_ending_it_deletes_the_name()
    {
        var admin = api.CreateGraphQLClient(Roles.Administrator);
        var unknown = (await admin.QueryAsync(Register, new { number = "123456789", unit = await CompetitionDriver.UnitIdAsync(admin, "ESB") }))["registerDigitalSuperuser"]!;
        Assert.Equal("NOT_FOUND", (string?)unknown["errors"]![0]!["code"]);
        Assert.DoesNotContain("123456789", unknown.ToJsonString());

        var manager = await api.CreateGraphQLClient(Roles.InitiativeManager).PostAsync(Register, new { number = "900005", unit = await CompetitionDriver.UnitIdAsync(admin, "ESB") });
        Assert.Contains("AUTH_NOT_AUTHORIZED", manager.ErrorCodes);

        await using (var db = api.OpenDb())
        {
            var homeCare = await db.Units().Where(u => u.Code == "SO-HJP").Select(u => u.Id).SingleAsync();
            var demo = await db.DigitalSuperusers().SingleAsync(s => s.UnitId == homeCare);
            Assert.NotNull(demo.DisplayName);
            var removed = (await admin.QueryAsync("""
                mutation($id: ID!) { unregisterDigitalSuperuser(input: { id: $id }) { errors { ... on UserError { code } } } }
                """, new { id = GlobalIds.Of("DigitalSuperuser", demo.Id) }))["unregisterDigitalSuperuser"]!;
            Assert.Empty(removed["errors"]!.AsArray());
        }
        await using (var db = api.OpenDb())
            Assert.Equal(2, await db.DigitalSuperusers().CountAsync(s => s.DisplayName != null && s.DisplayName.StartsWith("Demo ")));
    }
}
