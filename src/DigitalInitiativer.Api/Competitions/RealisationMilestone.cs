using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>What a milestone says: when, what, and how far the realisation had come (0 to 100).</summary>
public sealed record MilestoneTexts(DateOnly Date, string Title, string? Description, int Progress, bool Done);

/// <summary>A step in realising a winning proposal (Decidim's accountability, CONSUL's milestones). Done milestones happened: their date is not in the future.</summary>
public sealed class RealisationMilestone : IEntity
{
    private RealisationMilestone()
    {
        Title = "";
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public int Progress { get; private set; }
    public bool Done { get; private set; }

    public const int MaxPerRealisation = 50;

    public static Result<RealisationMilestone> Add(Proposal proposal, int milestonesSoFar, MilestoneTexts texts, DateOnly today)
    {
        var refusals = new Refusals();
        if (proposal.State != ProposalState.Realised)
        {
            refusals.Add(new ProposalNotRealised(CompetitionTexts.MilestonesNeedRealisation.Format(proposal.State.GraphQLName()), proposal.State) { Field = ["proposalId"] });
            return refusals;
        }
        if (milestonesSoFar >= MaxPerRealisation)
        {
            refusals.Invalid("proposalId", RefusalCodes.TooManyItems, CompetitionTexts.TooManyMilestones.Format(MaxPerRealisation));
            return refusals;
        }
        var milestone = new RealisationMilestone { ProposalId = proposal.Id };
        refusals = milestone.Change(texts, today);
        return refusals.Any ? refusals : milestone;
    }

    public Refusals Change(MilestoneTexts texts, DateOnly today)
    {
        var refusals = new Refusals();
        var title = texts.Title.Trim();
        var description = string.IsNullOrWhiteSpace(texts.Description) ? null : texts.Description.Trim();
        refusals.Required("title", title);
        refusals.MaxLength("title", title, ProposalRules.MaxTitleLength);
        refusals.MaxLength("description", description, ProposalRules.MaxTextLength);
        if (texts.Progress is < 0 or > 100) refusals.Invalid("progress", RefusalCodes.OutOfRange, CompetitionTexts.ProgressOutOfRange.Format());
        if (texts.Done) refusals.NotInFuture("date", texts.Date, today);
        refusals.Within("date", texts.Date, new(2000, 1, 1), new(2100, 12, 31));
        if (!refusals.Any) (Date, Title, Description, Progress, Done) = (texts.Date, title, description, texts.Progress, texts.Done);
        return refusals;
    }
}
