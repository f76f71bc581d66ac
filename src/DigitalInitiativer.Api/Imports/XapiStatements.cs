using System.Text.Json;
using DigitalInitiativer.Api.Participations;

namespace DigitalInitiativer.Api.Imports;

/// <summary>
/// Maps a JSON array of xAPI statements onto participation records. The actor's account name (or the part of an
/// mbox address before '@') is the employee number; the last path segment of the object id is the initiative code;
/// the verb gives the status; result.score gives the score. Statements for the same person and initiative are merged
/// in timestamp order. A problem's line is the statement's position in the array, its column 0, and its column name
/// the statement's field.
/// </summary>
public static class XapiStatements
{
    private static readonly Dictionary<string, ParticipationStatus> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["registered"] = ParticipationStatus.Enrolled,
        ["attended"] = ParticipationStatus.Started, ["launched"] = ParticipationStatus.Started, ["initialized"] = ParticipationStatus.Started,
        ["progressed"] = ParticipationStatus.Started, ["experienced"] = ParticipationStatus.Started,
        ["completed"] = ParticipationStatus.Completed, ["passed"] = ParticipationStatus.Completed, ["failed"] = ParticipationStatus.Completed,
        ["abandoned"] = ParticipationStatus.Withdrawn, ["withdrew"] = ParticipationStatus.Withdrawn,
    };

    private sealed record Statement(int Index, string Employee, string Initiative, ParticipationStatus Status, DateTimeOffset Timestamp, double? Score);

    public static async Task<IReadOnlyList<ImportedParticipation>> ReadAsync(Stream file, ImportReport report, DateOnly today, CancellationToken cancellationToken)
    {
        var statements = new List<Statement>();
        var index = 0;
        try
        {
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(file, cancellationToken: cancellationToken))
            {
                index++;
                report.RowsRead++;
                if (Map(index, element, report, today) is { } statement) statements.Add(statement);
            }
        }
        catch (JsonException error)
        {
            report.Problem((int)(error.LineNumber ?? 0) + 1, (int)(error.BytePositionInLine ?? 0) + 1, "", ImportCodes.BadJson,
                ImportTexts.BadJson.Format());
        }

        return statements
            .GroupBy(s => (s.Employee, s.Initiative))
            .Select(g => Merge(g.OrderBy(s => s.Timestamp).ThenBy(s => s.Index).ToList()))
            .OrderBy(r => r.Line)
            .ToList();
    }

    private static ImportedParticipation Merge(List<Statement> statements)
    {
        ParticipationStatus? status = null;
        DateOnly? enrolled = null, started = null, completed = null;
        double? score = null;
        foreach (var statement in statements)
        {
            var day = DateOnly.FromDateTime(statement.Timestamp.UtcDateTime);
            enrolled ??= day;
            if (statement.Status is ParticipationStatus.Started or ParticipationStatus.Completed) started ??= day;
            if (statement.Status == ParticipationStatus.Completed) completed = day;
            // Completing is final: a later launch of the same course does not undo it.
            if (status != ParticipationStatus.Completed || statement.Status == ParticipationStatus.Withdrawn) status = statement.Status;
            score = statement.Score ?? score;
        }
        var first = statements[0];
        return new ImportedParticipation(first.Index, first.Employee, first.Initiative, status!.Value, enrolled, started, completed, score, 0, "object.id");
    }

    private static Statement? Map(int index, JsonElement statement, ImportReport report, DateOnly today)
    {
        void Problem(string field, string message) => report.Problem(index, 0, field, ImportCodes.BadStatement, message);
        if (statement.ValueKind != JsonValueKind.Object)
        {
            Problem("", ImportTexts.StatementNotObject.Format());
            return null;
        }

        var employee = Text(statement, "actor", "account", "name") ?? (Text(statement, "actor", "mbox") is { } mbox ? mbox.Replace("mailto:", "").Split('@')[0] : null);
        if (string.IsNullOrWhiteSpace(employee)) Problem("actor", ImportTexts.NoActor.Format());
        var objectId = Text(statement, "object", "id");
        var initiative = objectId?.TrimEnd('/').Split('/', '#', ':')[^1];
        if (string.IsNullOrWhiteSpace(initiative)) Problem("object.id", ImportTexts.NoObjectId.Format());
        var verb = Text(statement, "verb", "id")?.TrimEnd('/').Split('/')[^1];
        if (verb is null || !Verbs.TryGetValue(verb, out var status))
        {
            Problem("verb.id", ImportTexts.UnknownVerb.Format());
            status = default;
        }
        var timestampText = Text(statement, "timestamp");
        if (!DateTimeOffset.TryParse(timestampText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var timestamp))
            Problem("timestamp", ImportTexts.BadTimestamp.Format());
        else if (DateOnly.FromDateTime(timestamp.UtcDateTime) is var day && (day > today || day < Initiatives.InitiativeRules.EarliestDate))
            Problem("timestamp", ImportTexts.TimestampOutOfRange.Format());
        double? score = null;
        if (statement.TryGetProperty("result", out var result) && (result.ValueKind != JsonValueKind.Object || result.TryGetProperty("score", out _)))
        {
            var scoreElement = result.ValueKind == JsonValueKind.Object ? result.GetProperty("score") : default;
            if (Number(scoreElement, "scaled") is { } s && s is >= 0 and <= 1) score = Math.Round(s * 100, 2);
            else if (Number(scoreElement, "raw") is { } r && Number(scoreElement, "max") is { } max && max > 0 && r >= 0 && r <= max) score = Math.Round(r / max * 100, 2);
            else report.Problem(index, 0, "result.score", ImportCodes.ScoreOutOfRange, ImportTexts.BadXapiScore.Format());
        }
        return employee is null || initiative is null || verb is null || !Verbs.ContainsKey(verb) || timestampText is null || timestamp == default
            ? null
            : new Statement(index, employee.Trim(), initiative, status, timestamp, score);
    }

    /// <summary>A number property of an object; null when the element is not an object or the property not a number.</summary>
    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? number : null;

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
