using DigitalInitiativer.Api.Audit;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Strategy;
using DigitalInitiativer.Api.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Data;

/// <summary>The app's data. This type carries the SQLite migrations; <see cref="PostgresAppDbContext"/> carries PostgreSQL's.</summary>
public class AppDbContext : DbContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<OrganisationUnit> Units => Set<OrganisationUnit>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<SurveyWave> SurveyWaves => Set<SurveyWave>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdeaCompetition> Competitions => Set<IdeaCompetition>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalAuthor> ProposalAuthors => Set<ProposalAuthor>();
    public DbSet<CoAuthorInvitation> CoAuthorInvitations => Set<CoAuthorInvitation>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<ProposalComment> ProposalComments => Set<ProposalComment>();
    public DbSet<StrategyGoal> StrategyGoals => Set<StrategyGoal>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<OrganisationUnit>(unit =>
        {
            unit.ToTable("organisation_units");
            unit.HasIndex(u => u.Code).IsUnique();
            unit.HasIndex(u => u.Path);
            unit.Property(u => u.Code).HasMaxLength(50);
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.Property(u => u.Path).HasMaxLength(400);
            unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Person>(person =>
        {
            person.ToTable("persons");
            person.HasIndex(p => p.Key).IsUnique();
            person.Property(p => p.Key).HasMaxLength(100);
            person.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<SurveyWave>(wave =>
        {
            wave.ToTable("survey_waves");
            wave.HasIndex(w => w.Year).IsUnique();
            wave.Property(w => w.Title).HasMaxLength(200);
        });

        model.Entity<Assessment>(assessment =>
        {
            assessment.ToTable("assessments");
            assessment.HasIndex(a => new { a.PersonId, a.WaveId }).IsUnique();
            assessment.HasIndex(a => new { a.WaveId, a.UnitId });
            assessment.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
            assessment.HasOne(a => a.Wave).WithMany().HasForeignKey(a => a.WaveId).OnDelete(DeleteBehavior.Cascade);
            assessment.HasOne<OrganisationUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Initiative>(initiative =>
        {
            initiative.ToTable("initiatives");
            initiative.HasIndex(i => i.Code).IsUnique();
            initiative.HasIndex(i => i.Title);
            initiative.HasIndex(i => i.StartsOn);
            initiative.Property(i => i.Code).HasMaxLength(50);
            initiative.Property(i => i.Title).HasMaxLength(InitiativeRules.MaxTitleLength);
            initiative.Property(i => i.Description).HasMaxLength(InitiativeRules.MaxDescriptionLength);
            initiative.Ignore(i => i.TargetProfiles);
            initiative.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Participation>(participation =>
        {
            participation.ToTable("participations");
            participation.HasIndex(p => new { p.InitiativeId, p.PersonId }).IsUnique();
            participation.HasIndex(p => p.PersonId);
            participation.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
            participation.HasOne(p => p.Initiative).WithMany().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<IdeaCompetition>(competition =>
        {
            competition.ToTable("competitions");
            competition.Property(c => c.Id).ValueGeneratedNever();
            competition.HasOne(c => c.Initiative).WithOne().HasForeignKey<IdeaCompetition>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Proposal>(proposal =>
        {
            proposal.ToTable("proposals");
            proposal.HasIndex(p => new { p.CompetitionId, p.State });
            proposal.Property(p => p.Title).HasMaxLength(ProposalRules.MaxTitleLength);
            proposal.Property(p => p.Summary).HasMaxLength(ProposalRules.MaxTextLength);
            proposal.Property(p => p.Problem).HasMaxLength(ProposalRules.MaxTextLength);
            proposal.Property(p => p.ProposedSolution).HasMaxLength(ProposalRules.MaxTextLength);
            proposal.Property(p => p.ExpectedBenefit).HasMaxLength(ProposalRules.MaxTextLength);
            proposal.Property(p => p.RejectionReason).HasMaxLength(ProposalRules.MaxTextLength);
            proposal.Property(p => p.RealisationDescription).HasMaxLength(ProposalRules.MaxTextLength);
            proposal.Property(p => p.RealisedAsSolution).HasMaxLength(ProposalRules.MaxTitleLength);
            proposal.HasOne<IdeaCompetition>().WithMany().HasForeignKey(p => p.CompetitionId).OnDelete(DeleteBehavior.Cascade);
            proposal.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
            proposal.HasOne<Proposal>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            proposal.HasOne<Initiative>().WithMany().HasForeignKey(p => p.RealisedAsInitiativeId).OnDelete(DeleteBehavior.SetNull);
        });

        model.Entity<ProposalAuthor>(author =>
        {
            author.ToTable("proposal_authors");
            author.HasKey(a => new { a.ProposalId, a.PersonId });
            author.HasIndex(a => a.PersonId);
            author.Property(a => a.DisplayName).HasMaxLength(200);
            author.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
            author.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<CoAuthorInvitation>(invitation =>
        {
            invitation.ToTable("co_author_invitations");
            invitation.HasKey(i => new { i.ProposalId, i.PersonId });
            invitation.HasIndex(i => new { i.PersonId, i.State });
            invitation.HasOne<Proposal>().WithMany().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Cascade);
            invitation.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Vote>(vote =>
        {
            vote.ToTable("votes");
            // One vote per person per proposal, enforced by the database itself.
            vote.HasIndex(v => new { v.ProposalId, v.VoterPersonId }).IsUnique();
            vote.HasIndex(v => new { v.CompetitionId, v.VoterPersonId });
            vote.HasOne<Proposal>().WithMany().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Cascade);
            vote.HasOne<Person>().WithMany().HasForeignKey(v => v.VoterPersonId).OnDelete(DeleteBehavior.SetNull);
        });

        model.Entity<Ballot>(ballot =>
        {
            ballot.ToTable("ballots");
            ballot.HasKey(b => new { b.CompetitionId, b.VoterPersonId });
            ballot.HasOne<IdeaCompetition>().WithMany().HasForeignKey(b => b.CompetitionId).OnDelete(DeleteBehavior.Cascade);
            ballot.HasOne<Person>().WithMany().HasForeignKey(b => b.VoterPersonId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ProposalComment>(comment =>
        {
            comment.ToTable("proposal_comments");
            comment.HasIndex(c => new { c.ProposalId, c.Id });
            comment.Property(c => c.Text).HasMaxLength(ProposalRules.MaxCommentLength);
            comment.Property(c => c.AuthorDisplayName).HasMaxLength(200);
            comment.Property(c => c.HiddenReason).HasMaxLength(ProposalRules.MaxTextLength);
            comment.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
            comment.HasOne<Person>().WithMany().HasForeignKey(c => c.AuthorPersonId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<StrategyGoal>(goal =>
        {
            goal.ToTable("strategy_goals");
            goal.Property(g => g.Title).HasMaxLength(SetStrategyGoalInputType.MaxTitleLength);
            goal.HasOne<OrganisationUnit>().WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasIndex(e => new { e.SubjectPersonId, e.Id });
            entry.Property(e => e.CallerId).HasMaxLength(200);
            entry.Property(e => e.CallerRoles).HasMaxLength(200);
            entry.Property(e => e.DataType).HasMaxLength(50);
            entry.Property(e => e.OperationName).HasMaxLength(200);
        });
    }
}
