using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Imports;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Sessions;
using DigitalInitiativer.Api.Strategy;
using DigitalInitiativer.Api.Superusers;
using DigitalInitiativer.Api.Surveys;
using GraphQL.Introspection;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Schema;

/// <summary>Each feature adds its own root fields; this is only the list of features.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Everything that can be read: competence profiles, organisation, survey waves and the initiative catalogue.";
        this.AddNodeQueries();
        this.AddViewerQueries();
        this.AddProfileQueries();
        this.AddOrganisationQueries();
        this.AddSurveyQueries();
        this.AddSuperuserQueries();
        this.AddInitiativeQueries();
        this.AddCompetitionQueries();
        this.AddCommentModerationQueries();
        this.AddAnalyticsQueries();
        this.AddStrategyGoalQueries();
        this.AddAuditQueries();
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Everything that can be changed. Each mutation takes one input and returns a payload with the result and typed errors.";
        this.AddInitiativeMutations();
        this.AddParticipationMutations();
        this.AddSessionMutations();
        this.AddCompetitionMutations();
        this.AddCommentModerationMutations();
        this.AddRealisationMutations();
        this.AddNotificationMutations();
        this.AddStrategyGoalMutations();
        this.AddSuperuserMutations();
        this.AddImportMutations();
    }
}

public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType(VoteEvents voteEvents, NotificationEvents notificationEvents)
    {
        Name = "Subscription";
        Description = "Live updates, over the graphql-transport-ws WebSocket protocol at /graphql.";
        this.AddCompetitionSubscriptions(voteEvents);
        this.AddNotificationSubscriptions(notificationEvents);
    }
}

public sealed class AppSchema : global::GraphQL.Types.Schema
{
    public AppSchema(IServiceProvider services) : base(services)
    {
        Description = "DigitalInitiativer: which digital-competence initiatives reached which competence profiles, and did people move up between survey waves.";
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        Subscription = services.GetRequiredService<SubscriptionType>();
        // Introspection as the October 2021 specification and its later editions give it, which standard tools ask for.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    /// <summary>
    /// Two introspection fields GraphQL.js asks for and GraphQL.NET 8 lacks: <c>__Type.specifiedByURL</c> (October 2021;
    /// no scalar here names a specification) and <c>__Directive.args(includeDeprecated:)</c> (input-value deprecation;
    /// no directive argument here is deprecated, so every argument is listed either way).
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        if (graphType is __Type type && !type.HasField("specifiedByURL"))
            type.Field<StringGraphType>("specifiedByURL").Description("A URL to the specification of a custom scalar; null here.").Resolve(_ => null);
        if (graphType is __Directive directive && directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false, Description = "Whether to list deprecated arguments too." });
        }
    }
}
