using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.GraphQL;

/// <summary>
/// The top-level error messages the API writes itself: sign-in and roles, limits, ids and paging, the HTTP and
/// WebSocket transports. GraphQL.NET's own validation messages are the library's and stay English; their codes are stable.
/// </summary>
public static class GraphQLTexts
{
    // Sign-in and roles
    public static readonly Text SignInToUse = new("Du skal være logget ind for at bruge '{0}'.", "Sign in to use '{0}'.");
    public static readonly Text SignInToUseOperation = new("Du skal være logget ind for at bruge denne operation.", "Sign in to use this operation.");
    public static readonly Text RoleDoesNotAllow = new("Du har ikke adgang til '{0}' med din rolle.", "Your role does not allow '{0}'.");

    // Limits
    public static readonly Text TooManyChanges = new("For mange ændringer på kort tid; prøv igen om {0} sekunder.", "Too many changes in a short time; try again in {0} seconds.");
    public static readonly Text TooManyRequests = new("For mange forespørgsler fra denne bruger; prøv igen om {0} sekunder.", "Too many requests from this caller; try again in {0} seconds.");
    public static readonly Text ForbiddenCharacters = new(
        "Tekst må ikke indeholde kontroltegn eller tegn, der vender skriveretningen (tabulator og linjeskift er tilladt).",
        "Text may not contain control characters or bidirectional overrides (tab and line breaks are allowed).");
    public static readonly Text TooManyAliases = new("Operationen bruger {0} aliasser; højst {1} er tilladt.", "The operation uses {0} aliases; at most {1} are allowed.");
    public static readonly Text TooManyTokens = new("Dokumentet har mere end {0} tokens; del det op, eller bed om mindre.", "The document has more than {0} tokens; split it or ask for less.");
    public static readonly Text DocumentTooDeep = new("Dokumentet er for dybt indlejret til at kunne læses.", "The document is nested too deeply to read.");
    public static readonly Text TooManyRepeatedFields = new(
        "Et udvælgelsessæt spørger efter det samme felt eller fragment mere end {0} gange.",
        "A selection asks for the same field or fragment more than {0} times.");
    public static readonly Text TooManyFields = new(
        "Når fragmenterne er foldet ud, vælger operationen mere end {0} felter.",
        "With its fragments expanded, the operation selects more than {0} fields.");
    public static readonly Text Timeout = new(
        "Operationen tog for lang tid og blev afbrudt. Prøv igen, eller bed om mindre.",
        "The operation took too long and was stopped. Try again, or ask for less.");
    public static readonly Text InternalError = new("Der opstod en intern fejl. Den er blevet logget.", "An internal error occurred. It has been logged.");

    // Ids and paging
    public static readonly Text InvalidGlobalId = new("'{0}' er ikke et gyldigt globalt id.", "'{0}' is not a valid global id.");
    public static readonly Text InvalidIdOfType = new("Argumentet '{0}' er ikke et gyldigt {1}-id.", "Argument '{0}' is not a valid {1} id.");
    public static readonly Text TooManyIds = new("Der kan højst hentes {0} id'er ad gangen; der blev angivet {1}.", "At most {0} ids can be fetched at once; {1} were given.");
    public static readonly Text InvalidCursor = new(
        "'{0}' er ikke en cursor, som denne liste har udleveret. Begynd forfra fra første side.",
        "'{0}' is not a cursor this list gave out. Start again from the first page.");
    public static readonly Text PageSizeOutOfRange = new("'{0}' skal ligge mellem 1 og {1}; den var {2}.", "'{0}' must be between 1 and {1}; it was {2}.");

    // HTTP transport
    public static readonly Text MethodNotAllowed = new("GraphQL-forespørgsler bruger GET eller POST.", "GraphQL requests use GET or POST.");
    public static readonly Text NotAcceptable = new(
        "Svaret kan sendes som {0} eller {1}; Accept-headeren tillader ingen af dem.",
        "The response can be sent as {0} or {1}; the Accept header allows neither.");
    public static readonly Text TrustedDocumentRequired = new(
        "Denne server kører kun de registrerede operationer i docs/operations: send deres documentId (\"sha256:<hex af dokumentet>\") i stedet for en query.",
        "This server runs only the registered operations of docs/operations: send their documentId (\"sha256:<hex of the document>\") instead of a query.");
    public static readonly Text CsrfPreflightRequired = new(
        "En POST, der ikke er application/json, skal have headeren GraphQL-Require-Preflight.",
        "A POST that is not application/json must carry a GraphQL-Require-Preflight header.");
    public static readonly Text UnsupportedMediaType = new("POST-indhold skal være {0} i UTF-8; Content-Type var '{1}'.", "POST bodies must be {0} in UTF-8; the Content-Type was '{1}'.");
    public static readonly Text BodyEndedEarly = new("Forespørgslens indhold sluttede for tidligt.", "The request body ended early.");
    public static readonly Text BodyEmpty = new("Forespørgslens indhold er tomt.", "The request body is empty.");
    public static readonly Text InvalidJson = new("Forespørgslens indhold er ikke gyldig JSON: {0}", "The request body is not valid JSON: {0}");
    public static readonly Text InvalidUtf8Json = new("Forespørgslens indhold er ikke gyldig UTF-8-JSON.", "The request body is not valid UTF-8 JSON.");
    public static readonly Text BatchNotSupported = new(
        "Flere operationer i én forespørgsel understøttes ikke; send én operation pr. forespørgsel.",
        "Batched requests are not supported; send one operation per request.");
    public static readonly Text BodyNotObject = new("Forespørgslens indhold skal være et JSON-objekt.", "The request body must be a JSON object.");
    public static readonly Text BodyTooLarge = new("Forespørgslens indhold er større end {0} KB.", "The request body is larger than {0} KB.");
    public static readonly Text ParameterTwice = new("Parameteren '{0}' optræder to gange.", "The '{0}' parameter appears twice.");
    public static readonly Text ParameterNotObject = new("Parameteren '{0}' skal være et objekt.", "The '{0}' parameter must be an object.");
    public static readonly Text ParameterNotString = new("Parameteren '{0}' skal være en streng.", "The '{0}' parameter must be a string.");
    public static readonly Text ParameterNotJsonObject = new(
        "Parameteren '{0}' skal være et JSON-objekt med hver nøgle én gang.",
        "The '{0}' parameter must be a JSON object, with each key once.");
    public static readonly Text QueryMissing = new("Forespørgslen har ingen 'query'-parameter (eller 'documentId').", "The request has no 'query' (or 'documentId') parameter.");
    public static readonly Text NotAQueryOverGet = new("En {0} kan ikke sendes med GET; brug POST.", "A {0} cannot be sent with GET; use POST.");
    public static readonly Text SubscriptionsOverWebSocket = new(
        "Subscriptions kører over WebSocket-protokollen graphql-transport-ws på /graphql, ikke over HTTP.",
        "Subscriptions run over the graphql-transport-ws WebSocket at /graphql, not over HTTP.");

    // WebSocket transport (close reasons are the protocol's own and stay English)
    public static readonly Text TooManyOperationsPerSecond = new("For mange operationer fra denne bruger; vent et øjeblik.", "Too many operations from this caller; wait a moment.");
    public static readonly Text TooManyOperationsOnConnection = new(
        "En forbindelse kan højst køre {0} operationer ad gangen; afslut en først.",
        "A connection may run at most {0} operations at once; complete one first.");
    public static readonly Text TooManyOperationsForCaller = new(
        "Én bruger kan højst køre {0} operationer ad gangen på denne server; afslut en først.",
        "One caller may run at most {0} operations at once on this server; complete one first.");
    public static readonly Text InvalidSocketInputs = new(
        "'variables' og 'extensions' skal være JSON-objekter med simple værdier og hver nøgle én gang.",
        "The 'variables' and 'extensions' must be JSON objects of plain values, each key once.");
    public static readonly Text SubscriptionFailed = new("Abonnementet mislykkedes.", "The subscription failed.");
}
