using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>
/// Every <c>extensions.code</c> this API emits itself and every typed mutation error code.
/// Codes are a contract: clients branch on them, so they never change meaning once released.
/// GraphQL.NET's own validation codes (e.g. FIELDS_ON_CORRECT_TYPE, INVALID_VALUE) pass through unchanged.
/// </summary>
public static class ErrorCodes
{
    // Transport (GraphQL over HTTP)
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string QueryMissing = "QUERY_MISSING";
    public const string BatchNotSupported = "BATCH_NOT_SUPPORTED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string InternalError = "INTERNAL_ERROR";
    public const string WebSocketRequired = "WEBSOCKET_REQUIRED";
    public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";

    // Identity and limits
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string TooManyTokens = "TOO_MANY_TOKENS";
    public const string DocumentTooDeep = "DOCUMENT_TOO_DEEP";
    public const string ForbiddenCharacters = "FORBIDDEN_CHARACTERS";
    public const string TooManyRepeatedFields = "TOO_MANY_REPEATED_FIELDS";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string RateLimited = "RATE_LIMITED";
    public const string CsrfPreflightRequired = "CSRF_PREFLIGHT_REQUIRED";
    public const string Timeout = "TIMEOUT";

    // Field errors
    public const string InvalidId = "INVALID_ID";
    public const string PaginationOutOfRange = "PAGINATION_OUT_OF_RANGE";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string WavesOutOfOrder = "WAVES_OUT_OF_ORDER";
    public const string ConflictingFilters = "CONFLICTING_FILTERS";

    // Typed mutation errors, shared by every feature (SeedWork's refusals); features add their own *Codes classes.
    public const string NotFound = RefusalCodes.NotFound;
    public const string Required = RefusalCodes.Required;
    public const string TooLong = RefusalCodes.TooLong;
    public const string InvalidFormat = RefusalCodes.InvalidFormat;
    public const string OutOfRange = RefusalCodes.OutOfRange;
    public const string EndBeforeStart = RefusalCodes.EndBeforeStart;
    public const string EmptyList = RefusalCodes.EmptyList;
    public const string TooManyItems = RefusalCodes.TooManyItems;
    public const string DuplicateItem = RefusalCodes.DuplicateItem;
    public const string CodeTaken = RefusalCodes.CodeTaken;
}
