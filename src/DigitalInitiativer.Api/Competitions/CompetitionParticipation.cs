using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Participations;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>
/// Submitting, co-authoring, voting and commenting count as taking part in the competition's initiative,
/// so Initiative.reach shows which profile groups the competition reached, exactly as for a course.
/// </summary>
public static class CompetitionParticipation
{
    public static async Task RecordAsync(AppDbContext db, int competitionId, IEnumerable<int> personIds, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var personId in personIds.Distinct())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO participations ("PersonId", "InitiativeId", "Status", "EnrolledOn", "StartedOn")
                VALUES ({personId}, {competitionId}, {(int)ParticipationStatus.Started}, {today}, {today})
                ON CONFLICT ("InitiativeId", "PersonId") DO NOTHING
                """, cancellationToken);
        }
    }
}
