namespace DigitalInitiativer.Api.GraphQL;

/// <summary>Limits of the GraphQL endpoint, bound from the "GraphQL" configuration section. See README.</summary>
public sealed class GraphQLSettings
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Most tokens (names, punctuation, values, comments) a document may have; counted before it is parsed.</summary>
    public int MaxTokens { get; set; } = 1_000;

    /// <summary>Most fields an operation may select with its fragments expanded (the catalogue page with reach selects about 30).</summary>
    public int MaxExpandedFields { get; set; } = 2_000;

    /// <summary>Deepest selection nesting an operation may have.</summary>
    public int MaxDepth { get; set; } = 10;

    /// <summary>Largest complexity GraphQL.NET's analyzer may compute for an operation (see README for how it was set).</summary>
    public int MaxComplexity { get; set; } = 20_000;

    /// <summary>Most aliased fields an operation may have; aliases multiply work without growing the query much.</summary>
    public int MaxAliases { get; set; } = 15;

    /// <summary>How long one operation may run before it is stopped with a TIMEOUT error.</summary>
    public double ExecutionTimeoutSeconds { get; set; } = 15;

    /// <summary>How long a WebSocket client has to send connection_init before it is closed with 4408.</summary>
    public double ConnectionInitTimeoutSeconds { get; set; } = 3;

    /// <summary>Operations (subscriptions included) one WebSocket may run at once; the next gets TOO_MANY_OPERATIONS.</summary>
    public int MaxOperationsPerConnection { get; set; } = 25;

    /// <summary>Operations one caller may run at once over all their WebSockets to one instance.</summary>
    public int MaxOperationsPerCaller { get; set; } = 50;

    /// <summary>Requests per second one signed-in caller may send over time; a front-end sends a few per page.</summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests per second the callers without a sign-in at one IP address may send together.</summary>
    public int AnonymousRequestsPerSecond { get; set; } = 10;

    /// <summary>How many seconds' worth of requests may come at once before the per-second limits apply.</summary>
    public int BurstSeconds { get; set; } = 5;

    /// <summary>Requests one signed-in caller may have running at once; more wait their turn.</summary>
    public int ConcurrentRequestsPerCaller { get; set; } = 4;

    /// <summary>Requests that wait for their turn under the two limits above, per caller; beyond this they get 429.</summary>
    public int RateLimitQueue { get; set; } = 64;

    /// <summary>Mutations one caller may send per minute before getting 429.</summary>
    public int MutationsPerMinute { get; set; } = 60;

    /// <summary>Run only the registered operations of docs/operations, sent by documentId; any query text is refused.</summary>
    public bool OnlyTrustedDocuments { get; set; }
}
