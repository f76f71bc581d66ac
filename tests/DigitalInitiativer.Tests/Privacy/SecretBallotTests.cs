using System.Text.Json.Nodes;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Tests.Competitions;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Privacy;

/// <summary>
/// The attack: an administrator (who may do what managers and evaluators do) watches everything about people that
/// they can see, and the vote counts, while colleagues vote one at a time. If anything about people moved with a vote,
/// laying the two side by side would link the voter to the proposal.
/// </summary>
public sealed class SecretBallotTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly GraphQLClient _administrator = api.CreateGraphQLClient("Administrator");

    /// <summary>Everything about people an administrator can read around a competition: who took part, when, in what order, and every reach figure.</summary>
    private async Task<string> PeopleViewAsync(CompetitionDriver competition) => (await _administrator.QueryAsync("""
        query($id: ID!) {
          node(id: $id) { ... on Initiative {
            participations(first: 100) { totalCount edges { cursor node { id person { id key } status enrolledOn startedOn completedOn } } }
            reach { profile { kind } participants suppressed }
            inWave: reach(waveId: "U3VydmV5V2F2ZToy") { profile { kind } participants suppressed } } }
          reachMatrix { rows { initiative { code } totalParticipants cells { participants } } }
          byKind: reachMatrix(filter: { groupByKind: true }) { rows { kind totalParticipants cells { participants } } }
        }
        """, new { id = competition.InitiativeId })).ToJsonString();

    private async Task<int[]> CountsAsync(IEnumerable<string> proposals)
    {
        var counts = new List<int>();
        foreach (var proposal in proposals)
            counts.Add((int)(await _administrator.QueryAsync("query($id: ID!) { node(id: $id) { ... on Proposal { voteCount } } }", new { id = proposal }))["node"]!["voteCount"]!);
        return [.. counts];
    }

    [Fact]
    public async Task While_voting_is_open_nothing_about_people_moves_when_someone_votes_so_the_counts_cannot_be_linked_to_a_voter()
    {
        var competition = await new CompetitionDriver(api, "BALLOT-1").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        string[] proposals = [await competition.SubmitAcceptedAsync(competition.Employee("demo-0401"), "Første"), await competition.SubmitAcceptedAsync(competition.Employee("demo-0402"), "Anden")];
        await competition.Employee("demo-0403").QueryAsync("mutation($input: AddCommentInput!) { addComment(input: $input) { errors { __typename } } }",
            new { input = new { proposalId = proposals[0], text = "Godt forslag" } });
        await competition.AdvanceAsync("VOTING");

        var before = await PeopleViewAsync(competition);
        var voters = Enumerable.Range(410, 8).Select(n => $"demo-{n:0000}").ToList();
        var counts = await CountsAsync(proposals);
        foreach (var (voter, i) in voters.Select((v, i) => (v, i)))
        {
            var payload = await VoteAsync(competition.Employee(voter), proposals[i % 2]);
            Assert.Empty(payload["errors"]!.AsArray());

            var now = await CountsAsync(proposals);
            Assert.Equal(counts[i % 2] + 1, now[i % 2]); // the attacker sees which count moved ...
            Assert.Equal(before, await PeopleViewAsync(competition)); // ... and nothing about people moved with it
            counts = now;
        }

        // When voting closes, everyone who took part is recorded at once, on the same dates, in an order unrelated to the votes.
        await competition.AdvanceAsync("CLOSED");
        var recorded = JsonNode.Parse(await PeopleViewAsync(competition))!["node"]!["participations"]!;
        Assert.Equal(11, (int)recorded["totalCount"]!);
        var nodes = recorded["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Single(nodes.Select(n => $"{n["enrolledOn"]} {n["startedOn"]} {n["completedOn"]} {n["status"]}").Distinct());
        var recordedVoters = nodes.Select(n => (string)n["person"]!["key"]!).Where(voters.Contains).ToList();
        Assert.Equal(voters.Order(), recordedVoters.Order());
        Assert.NotEqual(voters, recordedVoters); // 8 voters: the chance that a shuffle keeps the voting order is 1 in 40,320
    }

    [Fact]
    public async Task A_competition_that_closes_by_its_schedule_gets_its_participants_recorded_by_the_next_check()
    {
        var competition = await new CompetitionDriver(api, "BALLOT-2").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var proposal = await competition.SubmitAcceptedAsync(competition.Employee("demo-0421"), "Planlagt");
        await competition.AdvanceAsync("VOTING");
        await VoteAsync(competition.Employee("demo-0422"), proposal);
        var closesAt = DateTime.UtcNow.AddSeconds(-1);
        var configured = await competition.ConfigureAsync(schedule: new { votingClosesAt = closesAt });
        Assert.Empty(configured["errors"]!.AsArray());
        Assert.Equal("CLOSED", await competition.PhaseAsync());

        await api.Services.GetRequiredService<CompetitionParticipation>().RecordClosedAsync(CancellationToken.None);

        await using var db = api.OpenDb();
        var initiativeId = GlobalIds.KeyOf(competition.InitiativeId);
        Assert.Equal(2, await db.Participations().CountAsync(p => p.InitiativeId == initiativeId));
        Assert.NotNull((await db.Competitions().SingleAsync(c => c.Id == initiativeId)).ParticipationRecordedAtUtc);
        // A second check changes nothing.
        Assert.Equal(0, await api.Services.GetRequiredService<CompetitionParticipation>().RecordClosedAsync(CancellationToken.None));
    }
}
