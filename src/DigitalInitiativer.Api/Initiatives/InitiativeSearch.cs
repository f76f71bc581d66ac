using DigitalInitiativer.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Initiatives;

/// <summary>
/// Search text is folded in .NET (<see cref="SeedWork.SearchText"/>), which a migration's SQL cannot do; so on start-up,
/// after the migrations, initiatives saved before it existed are folded once. Later runs find none.
/// </summary>
public static class InitiativeSearch
{
    public static async Task FoldMissingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var unfolded = await db.Initiatives().AsTracking().Where(i => i.SearchText == "").ToListAsync(cancellationToken);
        foreach (var initiative in unfolded) initiative.FoldSearchText();
        if (unfolded.Count > 0) await db.SaveChangesAsync(cancellationToken);
    }
}
