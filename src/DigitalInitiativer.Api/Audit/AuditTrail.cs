using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Identity;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Audit;

/// <summary>The person-level reads (and audited writes) of one request, written in one batch when the operation ends.</summary>
public sealed class AuditTrail(AppDbContext db, Viewer viewer, TimeProvider clock)
{
    /// <summary>A participation recorded or changed: re-dating a colleague's participation and back is a way to probe aggregates, so it leaves a trace.</summary>
    public const string ParticipationRecorded = "ParticipationRecorded";

    private readonly HashSet<(int Subject, string DataType)> _reads = [];

    public void Record(int subjectPersonId, string dataType)
    {
        lock (_reads) _reads.Add((subjectPersonId, dataType));
    }

    public async Task FlushAsync(string? operationName, CancellationToken cancellationToken)
    {
        (int Subject, string DataType)[] reads;
        lock (_reads)
        {
            reads = [.. _reads];
            _reads.Clear();
        }
        if (reads.Length == 0) return;
        var callerPersonId = await viewer.PersonIdAsync(cancellationToken);
        // The log tells people who looked at their data. Their own looks are not news to them, and logging them would time
        // every employee's visits to their own page, which an administrator could lay beside the live vote counts.
        reads = [.. reads.Where(read => read.Subject != callerPersonId)];
        if (reads.Length == 0) return;
        var at = clock.GetUtcNow().UtcDateTime;
        var roles = string.Join(",", viewer.Roles);
        // One multi-row INSERT per chunk rather than one statement per entry: a page of 50 participants is one write.
        foreach (var chunk in reads.Chunk(200))
        {
            var parameters = new List<object?> { at, viewer.CallerId, roles, operationName is { Length: > 200 } ? operationName[..200] : operationName, callerPersonId };
            var rows = new List<string>(chunk.Length);
            foreach (var (subject, dataType) in chunk)
            {
                rows.Add($"({{0}}, {{1}}, {{2}}, {{4}}, {{{parameters.Count}}}, {{{parameters.Count + 1}}}, {{3}})");
                parameters.Add(subject);
                parameters.Add(dataType);
            }
            // Only {n} placeholders are concatenated; every value travels as a parameter.
#pragma warning disable EF1003
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO audit_entries (\"AtUtc\", \"CallerId\", \"CallerRoles\", \"CallerPersonId\", \"SubjectPersonId\", \"DataType\", \"OperationName\") VALUES "
                + string.Join(", ", rows), parameters!, cancellationToken);
#pragma warning restore EF1003
        }
    }
}

/// <summary>Notes every field resolved on a person-level object (Person, Participation, Assessment) as a read of that person's data.</summary>
public sealed class AuditFieldMiddleware : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        if (context.Source is IPersonData data)
            context.RequestServices!.GetRequiredService<AuditTrail>().Record(data.SubjectPersonId, context.ParentType.Name);
        return next(context);
    }
}

/// <summary>Writes the request's audit entries once the operation has run, whatever transport carried it.</summary>
public sealed class AuditFlushListener : DocumentExecutionListenerBase
{
    public override Task AfterExecutionAsync(IExecutionContext context) =>
        context.RequestServices!.GetRequiredService<AuditTrail>().FlushAsync(context.Operation.Name?.StringValue, CancellationToken.None);
}
