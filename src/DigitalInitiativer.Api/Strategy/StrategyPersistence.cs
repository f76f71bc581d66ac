using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Strategy;

/// <summary>The strategy goals' table: how it is stored, and where the rest of the app finds it.</summary>
public static class StrategyData
{
    public static DbSet<StrategyGoal> StrategyGoals(this AppDbContext db) => db.Set<StrategyGoal>();
}

public sealed class StrategyGoalConfiguration : IEntityTypeConfiguration<StrategyGoal>
{
    public void Configure(EntityTypeBuilder<StrategyGoal> goal)
    {
        goal.ToTable("strategy_goals");
        goal.Property(g => g.Title).HasMaxLength(PlainText.StorageLength(StrategyGoal.MaxTitleLength));
        goal.HasOne<OrganisationUnit>().WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
