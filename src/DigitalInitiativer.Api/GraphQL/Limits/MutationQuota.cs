using System.Security.Cryptography;
using System.Text;
using DigitalInitiativer.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.GraphQL.Limits;

/// <summary>
/// How many mutation fields one caller has run in one minute, kept in the database so that every instance counts
/// against the same limit. The caller is stored as a hash, and a caller's old minutes are deleted as a new one starts.
/// </summary>
public sealed class MutationQuotaWindow
{
    public string CallerHash { get; set; } = "";
    public long Minute { get; set; }
    public int Used { get; set; }
}

public sealed class MutationQuotaWindowConfiguration : IEntityTypeConfiguration<MutationQuotaWindow>
{
    public void Configure(EntityTypeBuilder<MutationQuotaWindow> window)
    {
        window.ToTable("mutation_quota_windows");
        window.HasKey(w => new { w.CallerHash, w.Minute });
    }
}

/// <summary>
/// Takes permits from a caller's quota for the current minute in one statement (an upsert that adds only while the sum
/// stays within the limit), so concurrent requests on any number of instances cannot together go over it.
/// </summary>
public sealed class MutationQuota(AppDbContext db, IOptions<GraphQLSettings> settings, TimeProvider clock)
{
    /// <summary>Null when the permits were taken; otherwise how long until the next minute starts.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string caller, int permits, CancellationToken cancellationToken)
    {
        var limit = settings.Value.MutationsPerMinute;
        var now = clock.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var retryAfter = DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60) - now;
        if (permits > limit) return retryAfter;

        var callerHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(caller)));
        var used = await db.Database.SqlQuery<int>($"""
            INSERT INTO mutation_quota_windows ("CallerHash", "Minute", "Used") VALUES ({callerHash}, {minute}, {permits})
            ON CONFLICT ("CallerHash", "Minute") DO UPDATE SET "Used" = mutation_quota_windows."Used" + excluded."Used"
            WHERE mutation_quota_windows."Used" + excluded."Used" <= {limit}
            RETURNING "Used" AS "Value"
            """).ToListAsync(cancellationToken);
        if (used.Count == 0) return retryAfter;
        if (used[0] == permits)
            await db.Set<MutationQuotaWindow>().Where(w => w.CallerHash == callerHash && w.Minute < minute).ExecuteDeleteAsync(cancellationToken);
        return null;
    }
}
