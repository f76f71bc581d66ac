using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.GraphQL.Authorization;
using GraphQL;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Competitions;

public sealed class ProposalVotesChangedType : ObjectGraphType<ProposalVotesChanged>
{
    public ProposalVotesChangedType()
    {
        Name = "ProposalVotesChanged";
        Description = "A proposal's vote count after a vote was cast or retracted, or after a merge moved votes. It never says who voted.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.").Resolve(ctx => GlobalId.Encode(ProposalType.TypeName, ctx.Source.ProposalId));
        Field(e => e.VoteCount).Description("Its vote count now.");
    }
}

public static class CompetitionSubscriptions
{
    /// <param name="events">The app's one fan-out of vote changes (a singleton, like the schema).</param>
    public static void AddCompetitionSubscriptions(this ObjectGraphType subscription, VoteEvents events)
    {
        subscription.Field<NonNullGraphType<ProposalVotesChangedType>>("proposalVotesChanged")
            .Description("Live vote counts: an event each time a count changes in the competition, when a vote is cast or retracted and for both proposals of a merge. "
                + "Nothing is sent while the competition hides its counts (hideVoteCountsUntilClosed). Over graphql-transport-ws at /graphql.")
            .Argument<NonNullGraphType<IdGraphType>>("competitionId", "The competition to follow.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveStream(ctx =>
            {
                var competitionId = GlobalId.ParseKey(ctx.GetArgument<string>("competitionId"), IdeaCompetitionType.TypeName, "competitionId");
                return events.For(competitionId);
            });
    }
}
