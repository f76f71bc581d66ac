using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.SeedWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>The competition's tables: how they are stored, and where the rest of the app finds them.</summary>
public static class CompetitionData
{
    public static DbSet<IdeaCompetition> Competitions(this AppDbContext db) => db.Set<IdeaCompetition>();
    public static DbSet<Proposal> Proposals(this AppDbContext db) => db.Set<Proposal>();
    public static DbSet<ProposalAuthor> ProposalAuthors(this AppDbContext db) => db.Set<ProposalAuthor>();
    public static DbSet<CoAuthorInvitation> CoAuthorInvitations(this AppDbContext db) => db.Set<CoAuthorInvitation>();
    public static DbSet<Vote> Votes(this AppDbContext db) => db.Set<Vote>();
    public static DbSet<VoteRetraction> VoteRetractions(this AppDbContext db) => db.Set<VoteRetraction>();
    public static DbSet<Ballot> Ballots(this AppDbContext db) => db.Set<Ballot>();
    public static DbSet<ProposalComment> ProposalComments(this AppDbContext db) => db.Set<ProposalComment>();
    public static DbSet<CommentReport> CommentReports(this AppDbContext db) => db.Set<CommentReport>();
    public static DbSet<RealisationMilestone> RealisationMilestones(this AppDbContext db) => db.Set<RealisationMilestone>();
}

public sealed class IdeaCompetitionConfiguration : IEntityTypeConfiguration<IdeaCompetition>
{
    public void Configure(EntityTypeBuilder<IdeaCompetition> competition)
    {
        competition.ToTable("competitions");
        // The phase follows from these; a save made on an older read fails (see Conflicts), so rules cannot slip in after voting opened.
        foreach (var phaseInput in new[] { nameof(IdeaCompetition.ManualPhase), nameof(IdeaCompetition.SubmissionOpensAtUtc), nameof(IdeaCompetition.ReviewStartsAtUtc),
                     nameof(IdeaCompetition.VotingOpensAtUtc), nameof(IdeaCompetition.VotingClosesAtUtc), nameof(IdeaCompetition.ResultsPublishedAtUtc) })
            competition.Property(phaseInput).IsConcurrencyToken();
        competition.Property(c => c.Id).ValueGeneratedNever();
        competition.HasOne(c => c.Initiative).WithOne().HasForeignKey<IdeaCompetition>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> proposal)
    {
        proposal.ToTable("proposals");
        // What decides which change may follow: a save made on an older read fails (see Conflicts).
        proposal.Property(p => p.State).IsConcurrencyToken();
        proposal.Property(p => p.RealisationStatus).IsConcurrencyToken();
        proposal.HasIndex(p => new { p.CompetitionId, p.State });
        proposal.Property(p => p.Title).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTitleLength));
        proposal.Property(p => p.Summary).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        proposal.Property(p => p.Problem).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        proposal.Property(p => p.ProposedSolution).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        proposal.Property(p => p.ExpectedBenefit).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        proposal.Property(p => p.RejectionReason).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        proposal.Property(p => p.SelectionReason).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        proposal.Property(p => p.RealisationDescription).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        proposal.Property(p => p.RealisedAsSolution).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTitleLength));
        proposal.HasOne<IdeaCompetition>().WithMany().HasForeignKey(p => p.CompetitionId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        proposal.HasOne<Proposal>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        proposal.HasOne<Initiative>().WithMany().HasForeignKey(p => p.RealisedAsInitiativeId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ProposalAuthorConfiguration : IEntityTypeConfiguration<ProposalAuthor>
{
    public void Configure(EntityTypeBuilder<ProposalAuthor> author)
    {
        author.ToTable("proposal_authors");
        author.HasKey(a => new { a.ProposalId, a.PersonId });
        author.HasIndex(a => a.PersonId);
        author.Property(a => a.DisplayName).HasMaxLength(PlainText.StorageLength(Viewer.MaxDisplayNameLength));
        author.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        author.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CoAuthorInvitationConfiguration : IEntityTypeConfiguration<CoAuthorInvitation>
{
    public void Configure(EntityTypeBuilder<CoAuthorInvitation> invitation)
    {
        invitation.ToTable("co_author_invitations");
        invitation.Property(i => i.State).IsConcurrencyToken();
        invitation.HasKey(i => new { i.ProposalId, i.PersonId });
        invitation.HasIndex(i => new { i.PersonId, i.State });
        invitation.HasOne<Proposal>().WithMany().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> vote)
    {
        vote.ToTable("votes");
        // One vote per person per proposal, enforced by the database itself.
        vote.HasIndex(v => new { v.ProposalId, v.VoterPersonId }).IsUnique();
        vote.HasIndex(v => new { v.CompetitionId, v.VoterPersonId });
        vote.HasOne<Proposal>().WithMany().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<Person>().WithMany().HasForeignKey(v => v.VoterPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class VoteRetractionConfiguration : IEntityTypeConfiguration<VoteRetraction>
{
    public void Configure(EntityTypeBuilder<VoteRetraction> retraction)
    {
        retraction.ToTable("vote_retractions");
        retraction.HasKey(r => r.VoteId);
        retraction.Property(r => r.VoteId).ValueGeneratedNever();
        retraction.HasIndex(r => r.ProposalId);
        retraction.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> ballot)
    {
        ballot.ToTable("ballots");
        ballot.HasKey(b => new { b.CompetitionId, b.VoterPersonId });
        ballot.HasOne<IdeaCompetition>().WithMany().HasForeignKey(b => b.CompetitionId).OnDelete(DeleteBehavior.Cascade);
        ballot.HasOne<Person>().WithMany().HasForeignKey(b => b.VoterPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalCommentConfiguration : IEntityTypeConfiguration<ProposalComment>
{
    public void Configure(EntityTypeBuilder<ProposalComment> comment)
    {
        comment.ToTable("proposal_comments");
        comment.HasIndex(c => new { c.ProposalId, c.Id });
        comment.Property(c => c.Text).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxCommentLength));
        comment.Property(c => c.AuthorDisplayName).HasMaxLength(PlainText.StorageLength(Viewer.MaxDisplayNameLength));
        comment.Property(c => c.HiddenReason).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        comment.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<Person>().WithMany().HasForeignKey(c => c.AuthorPersonId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<ProposalComment>().WithMany().HasForeignKey(c => c.ReplyToId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> report)
    {
        report.ToTable("comment_reports");
        // One report per colleague per comment, enforced by the database itself.
        report.HasIndex(r => new { r.CommentId, r.ReporterPersonId }).IsUnique();
        report.HasIndex(r => new { r.State, r.Id });
        report.Property(r => r.Reason).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        report.Property(r => r.Resolution).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        report.HasOne<ProposalComment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<Person>().WithMany().HasForeignKey(r => r.ReporterPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RealisationMilestoneConfiguration : IEntityTypeConfiguration<RealisationMilestone>
{
    public void Configure(EntityTypeBuilder<RealisationMilestone> milestone)
    {
        milestone.ToTable("realisation_milestones");
        milestone.HasIndex(m => new { m.ProposalId, m.Date });
        milestone.Property(m => m.Title).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTitleLength));
        milestone.Property(m => m.Description).HasMaxLength(PlainText.StorageLength(ProposalRules.MaxTextLength));
        milestone.HasOne<Proposal>().WithMany().HasForeignKey(m => m.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
