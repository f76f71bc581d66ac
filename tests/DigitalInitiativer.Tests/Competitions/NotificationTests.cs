using System.Text.Json.Nodes;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalInitiativer.Tests.Competitions.CompetitionDriver;

namespace DigitalInitiativer.Tests.Competitions;

/// <summary>Authors, co-authors and invitees hear what happens to their proposals, in Danish or English, in their list and live.</summary>
public sealed class NotificationTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private const string Inbox = """
        { me { notifications(first: 20) { unreadCount totalCount nodes { id kind title message reason read subject { id } } } } }
        """;

    private GraphQLClient Named(string key, string? language = null)
    {
        var client = api.CreateClientWithToken(api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, key, name: $"Navn {key}"));
        if (language is not null) client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static async Task<JsonNode> InboxAsync(GraphQLClient client) => (await client.QueryAsync(Inbox))["me"]!["notifications"]!;

    private static List<string> Kinds(JsonNode inbox) => inbox["nodes"]!.AsArray().Select(n => (string)n!["kind"]!).ToList();

    private static async Task<JsonNode> AnswerAsync(GraphQLClient invitee, string proposalId) => (await invitee.QueryAsync("""
        mutation($input: CoAuthorshipInput!) { acceptCoAuthorship(input: $input) { errors { ... on UserError { code } } } }
        """, new { input = new { proposalId } }))["acceptCoAuthorship"]!;

    private static async Task<JsonNode> MarkReadAsync(GraphQLClient client, object input) => (await client.QueryAsync("""
        mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { viewer { notifications { unreadCount } } errors { __typename ... on UserError { code path } } } }
        """, new { input }))["markNotificationsRead"]!;

    [Fact]
    public async Task Authors_and_co_authors_hear_every_state_change_with_the_managers_reason_and_mark_them_read()
    {
        var competition = await new CompetitionDriver(api, "NOTE-1").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var (lead, coAuthor, bystander) = (Named("demo-1101"), Named("demo-1102"), Named("demo-1103"));
        var rejected = (string)(await competition.SubmitAsync(lead, Idea("Afvist idé"), coAuthorIds: [await api.PersonIdAsync("demo-1102")]))["proposal"]!["id"]!;

        var invited = await InboxAsync(coAuthor);
        Assert.Equal(["CO_AUTHOR_INVITED"], Kinds(invited));
        Assert.Contains("»Afvist idé«", (string?)invited["nodes"]![0]!["message"]);
        Assert.Equal(rejected, (string?)invited["nodes"]![0]!["subject"]!["id"]);
        Assert.Empty(Kinds(await InboxAsync(lead))); // nobody is told about their own action

        Assert.Empty((await AnswerAsync(coAuthor, rejected))["errors"]!.AsArray());
        Assert.Equal(["REQUIRED"], Codes(await competition.ManagerMoveAsync("rejectProposal", new { proposalId = rejected, reason = " " }, "RejectProposalInput")));
        Assert.Empty(Kinds(await InboxAsync(lead))); // a refused change tells nobody anything
        await competition.ManagerMoveAsync("rejectProposal", new { proposalId = rejected, reason = "Findes allerede i ESDH." }, "RejectProposalInput");

        foreach (var author in new[] { lead, coAuthor })
        {
            var inbox = await InboxAsync(author);
            var newest = inbox["nodes"]![0]!;
            Assert.Equal("PROPOSAL_REJECTED", (string?)newest["kind"]);
            Assert.Equal("Findes allerede i ESDH.", (string?)newest["reason"]);
            Assert.Equal("Forslag afvist", (string?)newest["title"]);
            Assert.False((bool)newest["read"]!);
        }
        Assert.Empty(Kinds(await InboxAsync(bystander)));

        // The rest of a proposal's life: accepted, merged into another, which is selected with a reason and realised.
        var merged = await competition.SubmitAcceptedAsync(lead, "Slås sammen");
        var winner = await competition.SubmitAcceptedAsync(bystander, "Vinderen");
        await competition.ManagerMoveAsync("mergeProposal", new { proposalId = merged, intoProposalId = winner }, "MergeProposalInput");
        await competition.AdvanceAsync("CLOSED");
        await competition.ManagerMoveAsync("selectProposal", new { proposalId = winner, reason = "Flest stemmer." }, "SelectProposalInput");
        await competition.ManagerMoveAsync("realiseProposal", new { proposalId = winner, description = "Bygges i foråret" }, "RealiseProposalInput");

        var leadInbox = await InboxAsync(lead);
        Assert.Equal(["PROPOSAL_REALISED", "PROPOSAL_SELECTED", "PROPOSAL_MERGED", "PROPOSAL_ACCEPTED", "PROPOSAL_REJECTED"], Kinds(leadInbox));
        Assert.Equal("Flest stemmer.", (string?)leadInbox["nodes"]![1]!["reason"]);
        Assert.Equal(winner, (string?)leadInbox["nodes"]![2]!["subject"]!["id"]); // merged: about the proposal it joined
        Assert.Equal(["PROPOSAL_REALISED", "PROPOSAL_SELECTED", "PROPOSAL_ACCEPTED"], Kinds(await InboxAsync(bystander)));
        Assert.Equal(5, (int)leadInbox["unreadCount"]!);

        var oldest = (string)leadInbox["nodes"]![4]!["id"]!;
        Assert.Equal(4, (int)(await MarkReadAsync(lead, new { ids = new[] { oldest } }))["viewer"]!["notifications"]!["unreadCount"]!);
        var othersId = (string)(await InboxAsync(bystander))["nodes"]![0]!["id"]!;
        var refused = await MarkReadAsync(lead, new { ids = new[] { othersId } });
        Assert.Equal("NOT_FOUND", (string?)refused["errors"]![0]!["code"]);
        Assert.Equal(3, (int)(await InboxAsync(bystander))["unreadCount"]!);
        Assert.Equal("EMPTY_LIST", (string?)(await MarkReadAsync(lead, new { }))["errors"]![0]!["code"]);
        Assert.Equal(0, (int)(await MarkReadAsync(lead, new { all = true }))["viewer"]!["notifications"]!["unreadCount"]!);
        Assert.Equal(1, (int)(await lead.QueryAsync("{ me { notifications(unreadOnly: false, first: 1) { nodes { read } } } }"))["me"]!["notifications"]!["nodes"]!.AsArray().Count);
        Assert.Empty((await lead.QueryAsync("{ me { notifications(unreadOnly: true) { nodes { id } } } }"))["me"]!["notifications"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Texts_are_Danish_by_default_and_English_on_request_with_the_same_kinds()
    {
        var competition = await new CompetitionDriver(api, "NOTE-LANG").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var proposal = await competition.SubmitAcceptedAsync(Named("demo-1111"), "Sprog");

        var danish = (await InboxAsync(Named("demo-1111"))) ["nodes"]![0]!;
        var english = (await InboxAsync(Named("demo-1111", "en-GB,en;q=0.9"))) ["nodes"]![0]!;
        var unsupported = (await InboxAsync(Named("demo-1111", "fr"))) ["nodes"]![0]!;

        Assert.Equal(("PROPOSAL_ACCEPTED", "PROPOSAL_ACCEPTED"), ((string?)danish["kind"], (string?)english["kind"]));
        Assert.Equal("Dit forslag »Sprog« er godkendt og kommer med i afstemningen.", (string?)danish["message"]);
        Assert.Equal("Your proposal “Sprog” was accepted and goes to the vote.", (string?)english["message"]);
        Assert.Equal(danish["title"]!.ToJsonString(), unsupported["title"]!.ToJsonString());
        Assert.Equal(proposal, (string?)english["subject"]!["id"]);
    }

    [Fact]
    public void Every_kind_of_notification_has_a_title_and_a_message_in_both_languages()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
            foreach (var language in Enum.GetValues<TextLanguage>())
            {
                var text = NotificationTexts.For(kind, language);
                Assert.False(string.IsNullOrWhiteSpace(text.Title), $"{kind} in {language}");
                Assert.Contains("{0}", text.Message);
            }
    }

    [Fact]
    public async Task A_notification_is_its_recipients_alone()
    {
        var competition = await new CompetitionDriver(api, "NOTE-OWN").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        await competition.SubmitAcceptedAsync(Named("demo-1121"), "Mit");
        var id = (string)(await InboxAsync(Named("demo-1121")))["nodes"]![0]!["id"]!;
        const string Read = "query($id: ID!) { node(id: $id) { id } }";

        Assert.Equal(id, (string?)(await Named("demo-1121").QueryAsync(Read, new { id }))["node"]!["id"]);
        Assert.Null((await Named("demo-1122").QueryAsync(Read, new { id }))["node"]);
        Assert.Null((await competition.Manager.QueryAsync(Read, new { id }))["node"]);
        Assert.Null((await api.CreateGraphQLClient(Roles.Administrator).QueryAsync(Read, new { id }))["node"]);
    }

    [Fact]
    public async Task A_subscriber_hears_a_new_notification_live_in_the_language_of_their_connection()
    {
        var competition = await new CompetitionDriver(api, "NOTE-LIVE").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var proposal = (string)(await competition.SubmitAsync(Named("demo-1131"), Idea("Live")))["proposal"]!["id"]!;
        var token = api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, "demo-1131");
        using var english = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, token, acceptLanguage: "en");
        using var danish = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, token);
        using var someoneElse = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, "demo-1132"));
        const string Subscription = "subscription { notificationAdded { kind message reason subject { id } } }";
        foreach (var socket in new[] { english, danish, someoneElse }) await socket.SubscribeAsync("n", Subscription);
        await Task.Delay(300); // the protocol does not acknowledge a subscription

        await competition.ManagerMoveAsync("rejectProposal", new { proposalId = proposal, reason = "For dyrt." }, "RejectProposalInput");
        var inEnglish = (await english.ReceiveMessageAsync())["payload"]!["data"]!["notificationAdded"]!;
        var inDanish = (await danish.ReceiveMessageAsync())["payload"]!["data"]!["notificationAdded"]!;

        Assert.Equal("PROPOSAL_REJECTED", (string?)inEnglish["kind"]);
        Assert.Equal("Your proposal “Live” was rejected. The reason is given below.", (string?)inEnglish["message"]);
        Assert.Equal("Dit forslag »Live« er afvist. Begrundelsen står herunder.", (string?)inDanish["message"]);
        Assert.Equal("For dyrt.", (string?)inEnglish["reason"]);
        Assert.Equal(proposal, (string?)inDanish["subject"]!["id"]);

        // The other colleague heard nothing: their first message is the answer to a ping.
        await someoneElse.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await someoneElse.ReceiveMessageAsync())["type"]);
    }

    [Fact]
    public async Task Erasing_a_person_deletes_their_notifications()
    {
        var competition = await new CompetitionDriver(api, "NOTE-ERASE").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        await competition.SubmitAcceptedAsync(Named("demo-1141"), "Slettes");
        var person = await api.PersonIdAsync("demo-1141");
        await using var db = api.OpenDb();
        var key = GlobalIds.KeyOf(person);
        Assert.Equal(1, await db.Notifications().CountAsync(n => n.RecipientPersonId == key));

        await api.CreateGraphQLClient(Roles.Administrator).QueryAsync("""
            mutation($input: ErasePersonInput!) { erasePerson(input: $input) { errors { __typename } } }
            """, new { input = new { personId = person } });

        Assert.Equal(0, await db.Notifications().CountAsync(n => n.RecipientPersonId == key));
    }

    [Fact]
    public async Task Co_authors_hear_of_a_withdrawal_and_marking_read_refuses_a_mixed_or_oversized_list_whole()
    {
        var competition = await new CompetitionDriver(api, "NOTE-WITHDRAW").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var (lead, coAuthor) = (Named("demo-1151"), Named("demo-1152"));
        var proposal = (string)(await competition.SubmitAsync(lead, Idea("Trækkes"), coAuthorIds: [await api.PersonIdAsync("demo-1152")]))["proposal"]!["id"]!;
        await AnswerAsync(coAuthor, proposal);
        await lead.QueryAsync("mutation($input: ProposalIdInput!) { withdrawProposal(input: $input) { errors { __typename } } }", new { input = new { proposalId = proposal } });

        var inbox = await InboxAsync(coAuthor);
        Assert.Equal(["PROPOSAL_WITHDRAWN", "CO_AUTHOR_INVITED"], Kinds(inbox));
        var mine = (string)inbox["nodes"]![0]!["id"]!;
        var others = (string)(await InboxAsync(Named("demo-1101")))["nodes"]![0]!["id"]!;
        var mixed = await MarkReadAsync(coAuthor, new { ids = new[] { mine, others, "not-an-id" } });
        Assert.Equal(["NOT_FOUND", "NOT_FOUND"], mixed["errors"]!.AsArray().Select(e => (string)e!["code"]!));
        Assert.Equal("""["input","ids","2"]""", mixed["errors"]![1]!["path"]!.ToJsonString());
        Assert.Equal("TOO_MANY_ITEMS", (string?)(await MarkReadAsync(coAuthor, new { ids = Enumerable.Repeat(mine, 101) }))["errors"]![0]!["code"]);
        Assert.Equal(2, (int)(await InboxAsync(coAuthor))["unreadCount"]!);
    }

    [Fact]
    public async Task Each_live_notification_shows_its_subject_as_it_is_then_and_a_sign_in_without_a_person_gets_an_error()
    {
        var competition = await new CompetitionDriver(api, "NOTE-FRESH").CreateAsync();
        await competition.AdvanceAsync("SUBMISSION");
        var proposal = await competition.SubmitAcceptedAsync(Named("demo-1161"), "Frisk");
        await competition.AdvanceAsync("CLOSED");
        var tokens = api.Services.GetRequiredService<DevTokens>();
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, tokens.Create(Roles.Employee, "demo-1161"));
        await socket.SubscribeAsync("n", "subscription { notificationAdded { kind subject { ... on Proposal { state selectionReason } } } }");
        using var nobody = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, tokens.Create(Roles.Employee, null));
        await nobody.SubscribeAsync("x", "subscription { notificationAdded { kind } }");
        await Task.Delay(300);

        await competition.ManagerMoveAsync("selectProposal", new { proposalId = proposal, reason = "God idé" }, "SelectProposalInput");
        var selected = (await socket.ReceiveMessageAsync())["payload"]!["data"]!["notificationAdded"]!;
        await competition.ManagerMoveAsync("realiseProposal", new { proposalId = proposal, description = "Bygges" }, "RealiseProposalInput");
        var realised = (await socket.ReceiveMessageAsync())["payload"]!["data"]!["notificationAdded"]!;

        Assert.Equal(("PROPOSAL_SELECTED", "SELECTED"), ((string?)selected["kind"], (string?)selected["subject"]!["state"]));
        Assert.Equal(("PROPOSAL_REALISED", "REALISED"), ((string?)realised["kind"], (string?)realised["subject"]!["state"]));
        // An execution error of the operation: a result with errors and no data.
        var refused = await nobody.ReceiveMessageAsync();
        Assert.Equal("next", (string?)refused["type"]);
        Assert.Equal("PERSON_NOT_LINKED", (string?)refused["payload"]!["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Notifications_sent_at_the_same_moment_each_reach_the_subscriber_with_their_own_subject()
    {
        var competition = await new CompetitionDriver(api, "NOTE-BURST").CreateAsync();
        await competition.ConfigureAsync(rules: new { votesPerPerson = 3, allowSelfVoting = false, proposalsPerPerson = 6 });
        await competition.AdvanceAsync("SUBMISSION");
        var author = Named("demo-1171");
        var proposals = new List<string>();
        for (var i = 0; i < 6; i++) proposals.Add((string)(await competition.SubmitAsync(author, Idea($"Idé {i}")))["proposal"]!["id"]!);
        using var socket = await GraphQLSocket.AcknowledgedAsync(api.WebSocketUrl, api.Services.GetRequiredService<DevTokens>().Create(Roles.Employee, "demo-1171"));
        await socket.SubscribeAsync("n", "subscription { notificationAdded { kind reason subject { id ... on Proposal { state rejectionReason } } } }");
        await Task.Delay(300);

        var managers = proposals.Select(_ => api.CreateGraphQLClient(Roles.InitiativeManager, "demo-0011")).ToList();
        await Task.WhenAll(proposals.Select((id, i) => managers[i].QueryAsync(
            "mutation($input: RejectProposalInput!) { rejectProposal(input: $input) { errors { __typename } } }", new { input = new { proposalId = id, reason = $"Grund {i}" } })));
        var events = new List<JsonNode>();
        for (var i = 0; i < proposals.Count; i++) events.Add(await socket.ReceiveMessageAsync());

        Assert.All(events, e => Assert.Null(e["payload"]!["errors"]));
        var notices = events.Select(e => e["payload"]!["data"]!["notificationAdded"]!).ToList();
        Assert.Equal(proposals.Order(), notices.Select(n => (string)n["subject"]!["id"]!).Order());
        Assert.All(notices, n => Assert.Equal(("REJECTED", (string?)n["reason"]), ((string?)n["subject"]!["state"], (string?)n["subject"]!["rejectionReason"])));
    }
}
