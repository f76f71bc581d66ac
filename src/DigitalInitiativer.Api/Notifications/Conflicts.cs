using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Notifications;

/// <summary>
/// Two managers (or authors) changing one proposal, report or invitation at the same moment: the states that decide
/// what may happen are concurrency tokens, so the later save fails instead of overwriting the earlier one. It is then
/// tried again from a fresh read, which refuses with the typed error the caller would have had a moment later.
/// </summary>
public static class Conflicts
{
    /// <summary>Each conflict means another change won; with this many people changing one thing at once, every one of them gets an answer.</summary>
    public const int Attempts = 5;

    public static async Task<Result<T>> RetriedOnConflictAsync<T>(this AppDbContext db, Notifier notifier, Func<Task<Result<T>>> change) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await change();
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                Forget(db, notifier);
            }
            catch
            {
                // Nothing of a failed change may be saved or sent by a later one in the same request.
                Forget(db, notifier);
                throw;
            }
        }
    }

    private static void Forget(AppDbContext db, Notifier notifier)
    {
        db.ChangeTracker.Clear();
        notifier.Forget();
    }
}
