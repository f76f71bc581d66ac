using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;

namespace DigitalInitiativer.Api.Competitions;

public sealed class CompetitionPhaseType : EnumerationGraphType<CompetitionPhase>
{
    public CompetitionPhaseType()
    {
        Name = "CompetitionPhase";
        Description = "The phases of an idea competition, in order. A competition only ever moves forward.";
    }
}

public sealed class ProposalStateType : EnumerationGraphType<ProposalState>
{
    public ProposalStateType()
    {
        Name = "ProposalState";
        Description = "Where a proposal stands: SUBMITTED, then ACCEPTED (open for voting) or REJECTED, possibly MERGED, SELECTED, REALISED; or WITHDRAWN.";
    }
}

public sealed class CompetitionRulesType : ObjectGraphType<IdeaCompetition>
{
    public CompetitionRulesType()
    {
        Name = "CompetitionRules";
        Description = "The rules of one competition. They cannot change once voting has opened.";
        Field(c => c.VotesPerPerson).Description("How many votes each person may cast in the competition, one per proposal at most.");
        Field(c => c.AllowSelfVoting).Description("Whether authors may vote for their own proposals.");
        Field(c => c.ProposalsPerPerson).Description("How many proposals each person may submit as lead author.");
        Field(c => c.HideVoteCountsUntilClosed).Description("Whether vote counts are hidden from everyone until voting closes: voteCount is null, the leaderboard "
            + "is empty, sorting by votes is refused and proposalVotesChanged sends nothing. Votes still count exactly.");
    }
}

public sealed class CompetitionScheduleType : ObjectGraphType<IdeaCompetition>
{
    public CompetitionScheduleType()
    {
        Name = "CompetitionSchedule";
        Description = "When each phase starts (UTC). A phase begins at its time unless a manager moved the competition on earlier.";
        Field<DateTimeGraphType>("submissionOpensAt").Description("When SUBMISSION starts.").Resolve(ctx => Utc(ctx.Source.SubmissionOpensAtUtc));
        Field<DateTimeGraphType>("reviewStartsAt").Description("When REVIEW starts.").Resolve(ctx => Utc(ctx.Source.ReviewStartsAtUtc));
        Field<DateTimeGraphType>("votingOpensAt").Description("When VOTING starts.").Resolve(ctx => Utc(ctx.Source.VotingOpensAtUtc));
        Field<DateTimeGraphType>("votingClosesAt").Description("When voting ends and the competition is CLOSED.").Resolve(ctx => Utc(ctx.Source.VotingClosesAtUtc));
        Field<DateTimeGraphType>("resultsPublishedAt").Description("When RESULTS_PUBLISHED starts.").Resolve(ctx => Utc(ctx.Source.ResultsPublishedAtUtc));
    }

    internal static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}

public sealed class IdeaCompetitionType : NodeType<IdeaCompetition>
{
    public const string TypeName = "IdeaCompetition";

    public IdeaCompetitionType() : base(TypeName, "The idea competition of an initiative of kind IDEA_COMPETITION: staff propose digital solutions, colleagues vote, the best are realised.")
    {
        Field<NonNullGraphType<InitiativeType>>("initiative").Description("The initiative this competition belongs to.").ResolveById<IdeaCompetition, Initiative>(c => c.Id);
        Field<NonNullGraphType<CompetitionPhaseType>>("phase").Description("The phase the competition is in now.")
            .Resolve().WithService<TimeProvider>().Resolve((ctx, clock) => ctx.Source.PhaseAt(clock.GetUtcNow().UtcDateTime));
        Field<NonNullGraphType<CompetitionRulesType>>("rules").Description("Votes per person, self-voting and proposals per person.").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<CompetitionScheduleType>>("schedule").Description("When each phase starts.").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<ConnectionType<ProposalType, Proposal>>>("proposals")
            .Description("The competition's proposals, filtered and sorted, as a Relay connection.")
            .PagingArguments()
            .Argument<ProposalFilterType>("where", "Conditions a proposal must meet.")
            .Argument<ProposalOrderType>("order", "How to sort; newest first by default. Sorting by VOTES while vote counts are hidden is a VOTE_COUNTS_HIDDEN error.")
            .Resolve().WithService<ProposalReads>()
            .ResolveAsync(async (ctx, proposals) => await proposals.ProposalsAsync(ctx, ctx.Source));
        Field<NonNullGraphType<BooleanGraphType>>("voteCountsHidden")
            .Description("True while the rules hide vote counts (hideVoteCountsUntilClosed) and voting has not closed.")
            .Resolve().WithService<TimeProvider>().Resolve((ctx, clock) => ctx.Source.VoteCountsHiddenAt(clock.GetUtcNow().UtcDateTime));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeaderboardEntryType>>>>("leaderboard")
            .Description("The proposals open for voting or chosen, by votes, most first. Ties share a rank. Empty while voteCountsHidden.")
            .Argument<IntGraphType>("top", "How many entries, 1 to 100. Default 10.", a => a.DefaultValue = 10)
            .Resolve().WithService<ProposalReads>()
            .ResolveAsync(async (ctx, proposals) => await proposals.LeaderboardAsync(ctx, ctx.Source, ctx.GetArgument<int>("top")));
        Field<IntGraphType>("viewerVotesRemaining")
            .Description("How many more votes the caller may cast in this competition; null when the sign-in is not linked to a person.")
            .Resolve().WithService<ProposalReads>()
            .ResolveAsync(async (ctx, proposals) => await proposals.ViewerVotesRemainingAsync(ctx.Source, ctx.CancellationToken));
    }
}

public sealed class ProposalType : NodeType<Proposal>
{
    public const string TypeName = "Proposal";

    private static readonly KeysetOrder<ProposalComment> OldestCommentFirst = KeysetOrder<ProposalComment>.ById("oldest", c => c.Id, descending: false);

    public ProposalType() : base(TypeName, "A proposal for a digital solution. Votes are secret: only counts are shown, and each caller sees only whether they voted themselves.")
    {
        Field(p => p.Title).Description($"The title, at most {ProposalRules.MaxTitleLength} characters.");
        Field(p => p.Summary).Description("A short summary.");
        Field(p => p.Problem).Description("The problem in daily work that the proposal solves.");
        Field(p => p.ProposedSolution).Description("The proposed digital solution.");
        Field(p => p.ExpectedBenefit).Description("What the solution is expected to bring.");
        Field<NonNullGraphType<ProposalStateType>>("state").Description("Where the proposal stands.").Resolve(ctx => ctx.Source.State);
        Field<NonNullGraphType<OrganisationUnitType>>("unit").Description("The unit the proposal comes from.").ResolveById<Proposal, OrganisationUnit>(p => p.UnitId);
        Field<NonNullGraphType<IdeaCompetitionType>>("competition").Description("The competition.").ResolveById<Proposal, IdeaCompetition>(p => p.CompetitionId);
        Field<NonNullGraphType<DateType>>("submittedOn").Description("The day it was submitted.").Resolve(ctx => DateOnly.FromDateTime(ctx.Source.SubmittedAtUtc));
        Field<IntGraphType>("voteCount")
            .Description("How many votes the proposal has: always exactly the number of votes stored. Null while its competition hides vote counts (voteCountsHidden).")
            .Resolve().WithService<ProposalReads>().Resolve((ctx, proposals) => proposals.VoteCount(ctx.Source));
        Field<NonNullGraphType<BooleanGraphType>>("viewerHasVoted")
            .Description("Whether the caller has voted for this proposal. Nobody can see anyone else's votes.")
            .Resolve().WithService<ProposalReads>().Resolve((ctx, proposals) => proposals.ViewerHasVoted(ctx.Source.Id));
        Field<ListGraphType<NonNullGraphType<ProposalAuthorType>>>("authors")
            .Description("Who wrote it, lead author first: the lead and the co-authors who accepted their invitation. Each author chose whether to hide their name; "
                + "other employees see only those who did not, and null when all did. Initiative managers see everyone, and authors see those they wrote it with.")
            .Resolve().WithService<ProposalReads>().Resolve((ctx, proposals) => proposals.Authors(ctx.Source));
        Field(p => p.RejectionReason, nullable: true).Description("Why the proposal was rejected; null unless REJECTED.");
        Field(p => p.SelectionReason, nullable: true).Description("Why the managers selected it as a winner; null unless SELECTED or REALISED.");
        Field<ProposalType>("mergedInto").Description("The proposal this one was merged into; null unless MERGED.")
            .ResolveById<Proposal, Proposal>(p => p.MergedIntoId);
        Field<RealisationType>("realisation").Description("How it is being realised, with milestones; null unless REALISED.").Resolve(ctx => ctx.Source.State == ProposalState.Realised ? ctx.Source : null);
        Field<NonNullGraphType<ConnectionType<ProposalCommentType, ProposalComment>>>("comments")
            .Description("Comments from staff on the proposal itself, oldest first, each with its replies. Hidden comments stay in place without their text.")
            .PagingArguments()
            .Resolve().WithService<AppDbContext>()
            .ResolveAsync(async (ctx, db) => await db.ProposalComments().Where(c => c.ProposalId == ctx.Source.Id && c.ReplyToId == null)
                .ToConnectionAsync(OldestCommentFirst, PageRequest.From(ctx), ctx.CancellationToken, parent: ctx.Source.Id));
    }
}

public sealed record ProposalAuthorView(string? DisplayName, bool IsLead, bool IsViewer);

public sealed class ProposalAuthorType : ObjectGraphType<ProposalAuthorView>
{
    public ProposalAuthorType()
    {
        Name = "ProposalAuthor";
        Description = "An author of a proposal.";
        Field(a => a.DisplayName, nullable: true).Description("The author's name as given at sign-in; null if none was given.");
        Field(a => a.IsLead).Description("True for the author who submitted the proposal.");
        Field(a => a.IsViewer).Description("True when this author is the caller.");
    }
}

public sealed class ProposalCommentType : NodeType<ProposalComment>
{
    public const string TypeName = "ProposalComment";

    public ProposalCommentType() : base(TypeName, "A comment on a proposal.")
    {
        Field<StringGraphType>("text").Description("The comment; null for everyone, moderators included, once a moderator has hidden it (it may hold personal data).")
            .Resolve(ctx => ctx.Source.HiddenReason is null ? ctx.Source.Text : null);
        Field<NonNullGraphType<ProposalType>>("proposal").Description("The proposal it is about.").ResolveById<ProposalComment, Proposal>(c => c.ProposalId);
        Field<NonNullGraphType<BooleanGraphType>>("hidden").Description("True when a moderator has hidden the comment.").Resolve(ctx => ctx.Source.HiddenReason is not null);
        Field(c => c.HiddenReason, nullable: true).Description("Why the comment was hidden; null when it is not.");
        Field(c => c.AuthorDisplayName, nullable: true).Description("The commenter's name as given at sign-in.");
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the comment was written (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.CreatedAtUtc, DateTimeKind.Utc));
        Field<ProposalCommentType>("replyTo").Description("The comment this one answers; null for a comment on the proposal itself.")
            .ResolveById<ProposalComment, ProposalComment>(c => c.ReplyToId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposalCommentType>>>>("replies")
            .Description($"The replies to this comment, oldest first, at most {ProposalComment.MaxReplies}; always empty for a reply.")
            .Resolve().WithService<EntityLoader>()
            .Resolve((ctx, load) => load.Grouped("commentReplies", ctx.Source.Id, (db, ids) => db.ProposalComments().Where(c => c.ReplyToId != null && ids.Contains(c.ReplyToId.Value))
                .OrderBy(c => c.Id), c => c.ReplyToId!.Value));
    }
}

public sealed record LeaderboardEntry(int Rank, Proposal Proposal, int VoteCount);

public sealed class LeaderboardEntryType : ObjectGraphType<LeaderboardEntry>
{
    public LeaderboardEntryType()
    {
        Name = "LeaderboardEntry";
        Description = "A proposal's place on the competition's leaderboard.";
        Field(e => e.Rank).Description("1 for the most votes; proposals with equal votes share a rank.");
        Field<NonNullGraphType<ProposalType>>("proposal").Description("The proposal.").Resolve(ctx => ctx.Source.Proposal);
        Field(e => e.VoteCount).Description("Its votes.");
    }
}

public sealed class ProposalFilter
{
    public List<ProposalState>? States { get; set; }
    public string? UnitId { get; set; }
    public string? Text { get; set; }
}

public sealed class ProposalFilterType : InputObjectGraphType<ProposalFilter>
{
    public ProposalFilterType()
    {
        Name = "ProposalFilter";
        Description = "Conditions a proposal must meet. All given conditions must hold.";
        Field<ListGraphType<NonNullGraphType<ProposalStateType>>>("states").Description("Only proposals in one of these states.");
        Field<IdGraphType>("unitId").Description("Only proposals from this unit or a unit below it.");
        Field<StringGraphType>("text").Description("Only proposals whose title or summary contains this text, ignoring case.");
    }
}

public enum ProposalOrderField
{
    [System.ComponentModel.Description("By votes; with DESC, most first. Ties in submission order. Every page ranks by the votes as they stood when the first page was read, so votes cast meanwhile do not shift the pages.")]
    Votes = 1,

    [System.ComponentModel.Description("Most recently submitted first, whatever the direction.")]
    Newest = 2,

    [System.ComponentModel.Description("By submission; with DESC, newest first.")]
    Submitted = 3,
}

public sealed class ProposalOrderFieldType : EnumerationGraphType<ProposalOrderField>
{
    public ProposalOrderFieldType()
    {
        Name = "ProposalOrderField";
        Description = "What to sort proposals by.";
        Values["NEWEST"]!.DeprecationReason = "Use SUBMITTED with direction DESC.";
    }
}

public sealed class ProposalOrder
{
    private readonly OrderDirection _direction = OrderDirection.Desc;

    public ProposalOrderField Field { get; set; } = ProposalOrderField.Submitted;

    /// <summary>NEWEST, kept for older clients, always meant newest first.</summary>
    public OrderDirection Direction
    {
        get => Field == ProposalOrderField.Newest ? OrderDirection.Desc : _direction;
        init => _direction = value;
    }
}

public sealed class ProposalOrderType : InputObjectGraphType<ProposalOrder>
{
    public ProposalOrderType()
    {
        Name = "ProposalOrder";
        Description = "How to sort proposals. Ties are broken by submission order.";
        Field<NonNullGraphType<ProposalOrderFieldType>>("field").Description("What to sort by.");
        Field<NonNullGraphType<OrderDirectionType>>("direction").Description("Which way to sort; largest first by default (most votes, newest).").DefaultValue(OrderDirection.Desc);
    }
}

/// <summary>Initiative.competition: an IDEA_COMPETITION initiative's competition.</summary>
public sealed class CompetitionOfInitiative : IFieldsFor<InitiativeType>
{
    public void AddTo(InitiativeType type) =>
        type.Field<IdeaCompetitionType>("competition")
            .Description("The idea competition, for initiatives of kind IDEA_COMPETITION; null for every other kind, and for a competition in DRAFT unless the caller is an initiative manager or administrator.")
            .Resolve().WithServices<EntityLoader, CompetitionScope>()
            .Resolve((ctx, load, scope) => ctx.Source.Kind == InitiativeKind.IdeaCompetition
                ? load.ById<IdeaCompetition>(ctx.Source.Id).Then(c => c is not null && scope.IsVisible(c) ? c : null)
                : null);
}

/// <summary>A new IDEA_COMPETITION initiative gets its competition, in DRAFT with default rules, in the same transaction.</summary>
public sealed class CompetitionForNewInitiative : IInitiativeCreated
{
    public void Created(AppDbContext db, Initiative initiative)
    {
        if (initiative.Kind == InitiativeKind.IdeaCompetition) db.Competitions().Add(new IdeaCompetition(initiative));
    }
}
