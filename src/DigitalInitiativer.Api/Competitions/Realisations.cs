using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Notifications;
using DigitalInitiativer.Api.SeedWork;
using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>Managers keep a realised proposal's story up to date: its status, and milestones with progress.</summary>
public sealed class RealisationService(AppDbContext db, CompetitionLookup find, AuthorNotices notices, Notifier notifier, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Fields left out keep their value. Authors are told when the status moves on.</summary>
    public Task<Result<Proposal>> UpdateAsync(UpdateRealisationInput input, CancellationToken cancellationToken) =>
        db.RetriedOnConflictAsync(notifier, () => UpdateOnceAsync(input, cancellationToken));

    private async Task<Result<Proposal>> UpdateOnceAsync(UpdateRealisationInput input, CancellationToken cancellationToken)
    {
        var found = await find.ProposalAsync(input.ProposalId, cancellationToken);
        if (!found.Succeeded) return Result<Proposal>.Refused(found.Refusals);
        var proposal = found.Value!.Proposal;
        var initiativeId = proposal.RealisedAsInitiativeId;
        if (input.InitiativeId is { } id)
        {
            initiativeId = GlobalId.TryParseKey(id, InitiativeType.TypeName);
            if (initiativeId is null || !await db.Initiatives().AnyAsync(i => i.Id == initiativeId, cancellationToken))
                return new NotFound(InitiativeTexts.NoInitiative.Format(), id) { Field = ["initiativeId"] };
        }
        var before = proposal.RealisationStatus;
        var status = input.Status ?? before ?? RealisationStatus.Planned;
        var realisedOn = input.RealisedOn ?? (status == RealisationStatus.Done ? proposal.RealisedOn : null);
        var refusals = proposal.UpdateRealisation(new Realisation(status, realisedOn, input.Description ?? proposal.RealisationDescription ?? "",
            initiativeId, input.Solution ?? proposal.RealisedAsSolution), Today);
        if (refusals.Any) return refusals;
        if (proposal.RealisationStatus != before) await notices.TellAsync(proposal, NotificationKind.RealisationStatusChanged, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync();
        return proposal;
    }

    public async Task<Result<RealisationMilestone>> AddMilestoneAsync(AddRealisationMilestoneInput input, CancellationToken cancellationToken)
    {
        var found = await find.ProposalAsync(input.ProposalId, cancellationToken);
        if (!found.Succeeded) return Result<RealisationMilestone>.Refused(found.Refusals);
        var proposal = found.Value!.Proposal;
        var milestones = await db.RealisationMilestones().CountAsync(m => m.ProposalId == proposal.Id, cancellationToken);
        var added = RealisationMilestone.Add(proposal, milestones, new MilestoneTexts(input.Date, input.Title, input.Description, input.Progress, input.Done), Today);
        if (!added.Succeeded) return added;
        db.RealisationMilestones().Add(added.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    public async Task<Result<RealisationMilestone>> UpdateMilestoneAsync(UpdateRealisationMilestoneInput input, CancellationToken cancellationToken)
    {
        var milestone = GlobalId.TryParseKey(input.MilestoneId, RealisationMilestoneType.TypeName) is { } id
            ? await db.RealisationMilestones().AsTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            : null;
        if (milestone is null) return new NotFound(CompetitionTexts.NoMilestone.Format(), input.MilestoneId) { Field = ["milestoneId"] };
        var refusals = milestone.Change(new MilestoneTexts(input.Date ?? milestone.Date, input.Title ?? milestone.Title, input.Description ?? milestone.Description,
            input.Progress ?? milestone.Progress, input.Done ?? milestone.Done), Today);
        if (refusals.Any) return refusals;
        await db.SaveChangesAsync(cancellationToken);
        return milestone;
    }
}

public sealed class UpdateRealisationInput
{
    public string ProposalId { get; set; } = "";
    public RealisationStatus? Status { get; set; }
    public DateOnly? RealisedOn { get; set; }
    public string? Description { get; set; }
    public string? InitiativeId { get; set; }
    public string? Solution { get; set; }
}

public sealed class AddRealisationMilestoneInput
{
    public string ProposalId { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int Progress { get; set; }
    public bool Done { get; set; }
}

public sealed class UpdateRealisationMilestoneInput
{
    public string MilestoneId { get; set; } = "";
    public DateOnly? Date { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? Progress { get; set; }
    public bool? Done { get; set; }
}

public sealed class RealisationStatusType : EnumerationGraphType<RealisationStatus>
{
    public RealisationStatusType()
    {
        Name = "RealisationStatus";
        Description = "Where a realisation stands. It only moves forward.";
    }
}

public sealed class UpdateRealisationInputType : InputObjectGraphType<UpdateRealisationInput>
{
    public UpdateRealisationInputType()
    {
        Name = "UpdateRealisationInput";
        Description = "A manager's update of a realised proposal's realisation. Fields left out keep their value.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, which must be REALISED.");
        Field<RealisationStatusType>("status").Description("The new status; never an earlier one. The authors are told when it moves on.");
        Field<DateType>("realisedOn").Description("When it was put into use: with status DONE; not in the future.");
        Field<StringGraphType>("description").Description("What is being built.");
        Field<IdGraphType>("initiativeId").Description("The initiative it became, if any.");
        Field<StringGraphType>("solution").Description($"The name of the solution it became, at most {ProposalRules.MaxTitleLength} characters.");
    }
}

public sealed class AddRealisationMilestoneInputType : InputObjectGraphType<AddRealisationMilestoneInput>
{
    public AddRealisationMilestoneInputType()
    {
        Name = "AddRealisationMilestoneInput";
        Description = "A new milestone in a realisation.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, which must be REALISED.");
        Field<NonNullGraphType<DateType>>("date").Description("When it happened, or is planned. A done milestone cannot be in the future.");
        Field<NonNullGraphType<StringGraphType>>("title").Description($"What the milestone is, 1 to {ProposalRules.MaxTitleLength} characters.");
        Field<StringGraphType>("description").Description("More about it.");
        Field<NonNullGraphType<IntGraphType>>("progress").Description("How far the realisation has come at this milestone, 0 to 100.");
        Field<BooleanGraphType>("done").Description("Whether it has been reached. Default false.").DefaultValue(false);
    }
}

public sealed class UpdateRealisationMilestoneInputType : InputObjectGraphType<UpdateRealisationMilestoneInput>
{
    public UpdateRealisationMilestoneInputType()
    {
        Name = "UpdateRealisationMilestoneInput";
        Description = "Changes to a milestone. Fields left out keep their value.";
        Field<NonNullGraphType<IdGraphType>>("milestoneId").Description("The milestone.");
        Field<DateType>("date").Description("A new date. A done milestone cannot be in the future.");
        Field<StringGraphType>("title").Description("A new title.");
        Field<StringGraphType>("description").Description("A new description.");
        Field<IntGraphType>("progress").Description("New progress, 0 to 100.");
        Field<BooleanGraphType>("done").Description("Whether it has been reached.");
    }
}

public sealed class RealisationType : ObjectGraphType<Proposal>
{
    public RealisationType()
    {
        Name = "Realisation";
        Description = "How a winning proposal is being realised: status, milestones with progress, and when it was put into use.";
        Field<NonNullGraphType<RealisationStatusType>>("status").Description("Where it stands.").Resolve(ctx => ctx.Source.RealisationStatus);
        Field<DateType>("realisedOn").Description("When it was put into use; null until DONE.").Resolve(ctx => ctx.Source.RealisedOn);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What is being built.").Resolve(ctx => ctx.Source.RealisationDescription);
        Field<InitiativeType>("initiative").Description("The initiative the proposal became, if any.")
            .ResolveById<Proposal, Initiative>(p => p.RealisedAsInitiativeId);
        Field<StringGraphType>("solution").Description("The name of the solution it became, if any.").Resolve(ctx => ctx.Source.RealisedAsSolution);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RealisationMilestoneType>>>>("milestones")
            .Description($"Its milestones, by date, at most {RealisationMilestone.MaxPerRealisation}.")
            .Resolve().WithService<EntityLoader>()
            .Resolve((ctx, load) => Milestones(load, ctx.Source));
        Field<NonNullGraphType<IntGraphType>>("progress").Description("How far it has come, 0 to 100: 100 when DONE, else the highest progress of its milestones.")
            .Resolve().WithService<EntityLoader>()
            .Resolve((ctx, load) => ctx.Source.RealisationStatus == RealisationStatus.Done
                ? new Loaded<int>(100)
                : Milestones(load, ctx.Source).Then(milestones => milestones.Select(m => m.Progress).DefaultIfEmpty(0).Max()));
    }

    private static global::GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<RealisationMilestone>> Milestones(EntityLoader load, Proposal proposal) =>
        load.Grouped("milestones", proposal.Id, (db, ids) => db.RealisationMilestones().Where(m => ids.Contains(m.ProposalId)).OrderBy(m => m.Date).ThenBy(m => m.Id),
            m => m.ProposalId);
}

public sealed class RealisationMilestoneType : NodeType<RealisationMilestone>
{
    public const string TypeName = "RealisationMilestone";

    public RealisationMilestoneType() : base(TypeName, "A step in realising a winning proposal, with how far the realisation had come.")
    {
        Field<NonNullGraphType<DateType>>("date").Description("When it happened, or is planned.").Resolve(ctx => ctx.Source.Date);
        Field(m => m.Title).Description("What the milestone is.");
        Field(m => m.Description, nullable: true).Description("More about it.");
        Field(m => m.Progress).Description("How far the realisation had come, 0 to 100.");
        Field(m => m.Done).Description("Whether it has been reached.");
    }
}

public sealed class UpdateRealisationErrorType() : UserErrorUnion("UpdateRealisationError", "updateRealisation",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(ProposalNotRealisedErrorType), typeof(RealisationStatusBackwardsErrorType));
public sealed class AddRealisationMilestoneErrorType() : UserErrorUnion("AddRealisationMilestoneError", "addRealisationMilestone",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(ProposalNotRealisedErrorType));
public sealed class UpdateRealisationMilestoneErrorType() : UserErrorUnion("UpdateRealisationMilestoneError", "updateRealisationMilestone",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType));

public static class RealisationMutations
{
    public static void AddRealisationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, UpdateRealisationErrorType>>>("updateRealisation")
            .Description("Updates a realised proposal's realisation: its status (only forward), when it was put into use, and what it became.")
            .Argument<NonNullGraphType<UpdateRealisationInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<RealisationService>()
            .ResolveAsync(async (ctx, realisations) => await realisations.UpdateAsync(ctx.GetArgument<UpdateRealisationInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<RealisationMilestoneType, RealisationMilestone, AddRealisationMilestoneErrorType>>>("addRealisationMilestone")
            .Description("Adds a milestone to a realised proposal's realisation.")
            .Argument<NonNullGraphType<AddRealisationMilestoneInputType>>("input", "The milestone.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<RealisationService>()
            .ResolveAsync(async (ctx, realisations) => await realisations.AddMilestoneAsync(ctx.GetArgument<AddRealisationMilestoneInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PayloadType<RealisationMilestoneType, RealisationMilestone, UpdateRealisationMilestoneErrorType>>>("updateRealisationMilestone")
            .Description("Changes a milestone, e.g. its progress, or marks it done.")
            .Argument<NonNullGraphType<UpdateRealisationMilestoneInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve().WithService<RealisationService>()
            .ResolveAsync(async (ctx, realisations) => await realisations.UpdateMilestoneAsync(ctx.GetArgument<UpdateRealisationMilestoneInput>("input"), ctx.CancellationToken));
    }
}
