using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Errors;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Competitions;

public sealed class SubmitProposalInput
{
    public string CompetitionId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Problem { get; set; } = "";
    public string ProposedSolution { get; set; } = "";
    public string ExpectedBenefit { get; set; } = "";
    public string UnitId { get; set; } = "";
    public List<string>? CoAuthorIds { get; set; }
    public bool HideAuthorNames { get; set; }
}

public sealed class SubmitProposalInputType : InputObjectGraphType<SubmitProposalInput>
{
    public SubmitProposalInputType()
    {
        Name = "SubmitProposalInput";
        Description = "A new proposal. The caller becomes its lead author.";
        Field<NonNullGraphType<IdGraphType>>("competitionId").Description("The competition, which must be in SUBMISSION.");
        Field<NonNullGraphType<StringGraphType>>("title").Description($"The title, 1 to {ProposalRules.MaxTitleLength} characters.");
        Field<NonNullGraphType<StringGraphType>>("summary").Description($"A short summary, at most {ProposalRules.MaxTextLength} characters.");
        Field<NonNullGraphType<StringGraphType>>("problem").Description("The problem in daily work it solves.");
        Field<NonNullGraphType<StringGraphType>>("proposedSolution").Description("The proposed digital solution.");
        Field<NonNullGraphType<StringGraphType>>("expectedBenefit").Description("What it is expected to bring.");
        Field<NonNullGraphType<IdGraphType>>("unitId").Description("The unit the proposal comes from.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("coAuthorIds")
            .Description($"Colleagues to invite as co-authors (Person ids), at most {ProposalRules.MaxCoAuthors}, not yourself. Each is asked first: they become co-authors only when they accept (acceptCoAuthorship).");
        Field<BooleanGraphType>("hideAuthorNames").Description("Hide the authors' names from other employees; managers still see them. Default false.").DefaultValue(false);
    }
}

public sealed class UpdateProposalInputType : InputObjectGraphType
{
    public UpdateProposalInputType()
    {
        Name = "UpdateProposalInput";
        Description = "Changes to a proposal by one of its authors, during SUBMISSION. Fields left out keep their value.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.");
        Field<StringGraphType>("title").Description("A new title.");
        Field<StringGraphType>("summary").Description("A new summary.");
        Field<StringGraphType>("problem").Description("A new problem description.");
        Field<StringGraphType>("proposedSolution").Description("A new solution description.");
        Field<StringGraphType>("expectedBenefit").Description("A new benefit description.");
        Field<BooleanGraphType>("hideAuthorNames").Description("Hide or show the caller's own name to other employees; each author decides for themselves. "
            + "The lead author's choice is also what colleagues who accept later start with.");
    }
}

public sealed class ProposalIdInputType : InputObjectGraphType
{
    public ProposalIdInputType()
    {
        Name = "ProposalIdInput";
        Description = "Names one proposal.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.");
    }
}

public sealed class RejectProposalInputType : InputObjectGraphType
{
    public RejectProposalInputType()
    {
        Name = "RejectProposalInput";
        Description = "Rejects a submitted proposal, with a reason the authors and colleagues can read.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why it is rejected.");
    }
}

public sealed class MergeProposalInputType : InputObjectGraphType
{
    public MergeProposalInputType()
    {
        Name = "MergeProposalInput";
        Description = "Merges a proposal into another in the same competition. Its votes and authors move to the other proposal.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal to merge away.");
        Field<NonNullGraphType<IdGraphType>>("intoProposalId").Description("The proposal that takes it over.");
    }
}

public sealed class RealiseProposalInputType : InputObjectGraphType
{
    public RealiseProposalInputType()
    {
        Name = "RealiseProposalInput";
        Description = "Records that a selected proposal was built.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Description("The proposal, which must be SELECTED.");
        Field<NonNullGraphType<DateType>>("realisedOn").Description("When it was put into use.");
        Field<NonNullGraphType<StringGraphType>>("description").Description("What was built.");
        Field<IdGraphType>("initiativeId").Description("The initiative it became, if any.");
        Field<StringGraphType>("solution").Description($"The name of the solution it became, at most {ProposalRules.MaxTitleLength} characters.");
    }
}

public sealed class SubmitProposalErrorType() : UserErrorUnion("SubmitProposalError", "submitProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(ProposalLimitReachedErrorType), typeof(PersonNotLinkedErrorType));
public sealed class UpdateProposalErrorType() : UserErrorUnion("UpdateProposalError", "updateProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(NotAuthorErrorType), typeof(InvalidTransitionErrorType));
public sealed class WithdrawProposalErrorType() : UserErrorUnion("WithdrawProposalError", "withdrawProposal",
    typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(NotAuthorErrorType), typeof(InvalidTransitionErrorType));
public sealed class AcceptProposalErrorType() : UserErrorUnion("AcceptProposalError", "acceptProposal",
    typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class RejectProposalErrorType() : UserErrorUnion("RejectProposalError", "rejectProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class MergeProposalErrorType() : UserErrorUnion("MergeProposalError", "mergeProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class SelectProposalErrorType() : UserErrorUnion("SelectProposalError", "selectProposal",
    typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));
public sealed class RealiseProposalErrorType() : UserErrorUnion("RealiseProposalError", "realiseProposal",
    typeof(InvalidInputErrorType), typeof(NotFoundErrorType), typeof(WrongPhaseErrorType), typeof(InvalidTransitionErrorType));

public static class ProposalMutations
{
    public static void AddProposalMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, SubmitProposalErrorType>>>("submitProposal")
            .Description("Submits a proposal to a competition in SUBMISSION. The caller is its lead author.")
            .Argument<NonNullGraphType<SubmitProposalInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => await SubmitAsync(ctx, ctx.GetArgument<SubmitProposalInput>("input")));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, UpdateProposalErrorType>>>("updateProposal")
            .Description("Lets an author change their proposal while the competition is in SUBMISSION.")
            .Argument<NonNullGraphType<UpdateProposalInputType>>("input", "The changes.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => await ByAuthorAsync(ctx, ctx.GetArgument<Dictionary<string, object?>>("input"), ProposalState.Submitted, (proposal, input, errors) =>
            {
                string? Text(string key, string current) => input.TryGetValue(key, out var value) ? (string?)value : current;
                proposal.Title = Text("title", proposal.Title)?.Trim() ?? "";
                proposal.Summary = Text("summary", proposal.Summary)?.Trim() ?? "";
                proposal.Problem = Text("problem", proposal.Problem)?.Trim() ?? "";
                proposal.ProposedSolution = Text("proposedSolution", proposal.ProposedSolution)?.Trim() ?? "";
                proposal.ExpectedBenefit = Text("expectedBenefit", proposal.ExpectedBenefit)?.Trim() ?? "";
                ProposalRules.CheckTexts(errors, proposal.Title, proposal.Summary, proposal.Problem, proposal.ProposedSolution, proposal.ExpectedBenefit);
            }));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, WithdrawProposalErrorType>>>("withdrawProposal")
            .Description("Lets an author withdraw their proposal while the competition is in SUBMISSION.")
            .Argument<NonNullGraphType<ProposalIdInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx => await ByAuthorAsync(ctx, ctx.GetArgument<Dictionary<string, object?>>("input"), ProposalState.Withdrawn, null));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, AcceptProposalErrorType>>>("acceptProposal")
            .Description("Accepts a submitted proposal, which opens it for voting. During SUBMISSION or REVIEW.")
            .Argument<NonNullGraphType<ProposalIdInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx => await MoveAsync(ctx, ctx.GetArgument<Dictionary<string, object?>>("input"), ProposalState.Accepted, null));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, RejectProposalErrorType>>>("rejectProposal")
            .Description("Rejects a submitted proposal with a reason. During SUBMISSION or REVIEW.")
            .Argument<NonNullGraphType<RejectProposalInputType>>("input", "The proposal and the reason.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx => await MoveAsync(ctx, ctx.GetArgument<Dictionary<string, object?>>("input"), ProposalState.Rejected, (proposal, input, errors, _) =>
            {
                var reason = ((string?)input["reason"])?.Trim();
                errors.Required("reason", reason);
                errors.MaxLength("reason", reason, ProposalRules.MaxTextLength);
                proposal.RejectionReason = reason;
                return Task.CompletedTask;
            }));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, MergeProposalErrorType>>>("mergeProposal")
            .Description("Merges a proposal into another in the same competition: its votes and authors move across. "
                + "A voter who voted for both keeps one vote and gets the other back. During SUBMISSION, REVIEW or VOTING. Returns the proposal merged away.")
            .Argument<NonNullGraphType<MergeProposalInputType>>("input", "The two proposals.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx => await MoveAsync(ctx, ctx.GetArgument<Dictionary<string, object?>>("input"), ProposalState.Merged, MergeAsync));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, SelectProposalErrorType>>>("selectProposal")
            .Description("Selects an accepted proposal as a winner. When the competition is CLOSED or its results are published.")
            .Argument<NonNullGraphType<ProposalIdInputType>>("input", "The proposal.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx => await MoveAsync(ctx, ctx.GetArgument<Dictionary<string, object?>>("input"), ProposalState.Selected, null));

        mutation.Field<NonNullGraphType<PayloadType<ProposalType, Proposal, RealiseProposalErrorType>>>("realiseProposal")
            .Description("Records that a selected proposal was built: when, what, and the initiative or solution it became.")
            .Argument<NonNullGraphType<RealiseProposalInputType>>("input", "The realisation.")
            .AuthorizeWithRoles(Roles.Managers)
            .ResolveAsync(async ctx => await MoveAsync(ctx, ctx.GetArgument<Dictionary<string, object?>>("input"), ProposalState.Realised, RealiseAsync));
    }

    private static async Task<Payload<Proposal>> SubmitAsync(IResolveFieldContext context, SubmitProposalInput input)
    {
        var db = context.Db();
        var viewer = context.Viewer();
        if (await viewer.PersonIdAsync(context.CancellationToken) is not { } author) return NotLinked();
        if (await CompetitionMutations.FindAsync(db, input.CompetitionId, context.CancellationToken) is not { } competition)
            return Payload<Proposal>.Failed(new NotFoundError("No competition has this id.", ["input", "competitionId"], input.CompetitionId));
        var phase = competition.PhaseAt(context.Now());
        if (phase != CompetitionPhase.Submission)
            return Payload<Proposal>.Failed(new WrongPhaseError($"Proposals can only be submitted during SUBMISSION; the competition is in {phase.GraphQLName()}.", ["input", "competitionId"], phase));

        var errors = new UserErrorList("input");
        ProposalRules.CheckTexts(errors, input.Title, input.Summary, input.Problem, input.ProposedSolution, input.ExpectedBenefit);
        var unitId = GlobalId.TryParseKey(input.UnitId, OrganisationUnitType.TypeName);
        if (unitId is null || !await db.Units().AnyAsync(u => u.Id == unitId, context.CancellationToken))
            errors.NotFound("unitId", input.UnitId, "No organisation unit has this id.");
        var coAuthors = await CoAuthorsAsync(db, input.CoAuthorIds ?? [], author, errors.At("coAuthorIds"), context.CancellationToken);
        if (errors.Any) return Payload<Proposal>.Failed(errors);

        var submitted = await db.ProposalAuthors().CountAsync(a => a.PersonId == author && a.IsLead
            && db.Proposals().Any(p => p.Id == a.ProposalId && p.CompetitionId == competition.Id && p.State != ProposalState.Withdrawn), context.CancellationToken);
        if (submitted >= competition.ProposalsPerPerson)
            return Payload<Proposal>.Failed(new ProposalLimitReachedError($"You have already submitted {submitted} proposals; the limit is {competition.ProposalsPerPerson}.", ["input"], competition.ProposalsPerPerson));

        var proposal = new Proposal
        {
            CompetitionId = competition.Id, Title = input.Title.Trim(), Summary = input.Summary.Trim(), Problem = input.Problem.Trim(),
            ProposedSolution = input.ProposedSolution.Trim(), ExpectedBenefit = input.ExpectedBenefit.Trim(), UnitId = unitId!.Value,
            HideAuthorNames = input.HideAuthorNames, SubmittedAtUtc = context.Now(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        db.Proposals().Add(proposal);
        await db.SaveChangesAsync(context.CancellationToken);
        var name = viewer.User.FindFirst("name")?.Value;
        db.ProposalAuthors().Add(new ProposalAuthor { ProposalId = proposal.Id, PersonId = author, IsLead = true, DisplayName = name, HideName = input.HideAuthorNames });
        db.CoAuthorInvitations().AddRange(coAuthors.Select(c => new CoAuthorInvitation { ProposalId = proposal.Id, PersonId = c, InvitedAtUtc = proposal.SubmittedAtUtc }));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return Payload<Proposal>.Ok(proposal);
    }

    /// <summary>The people to invite, each checked: at most <see cref="ProposalRules.MaxCoAuthors"/>, existing, not erased, not the author, no one twice.</summary>
    private static async Task<List<int>> CoAuthorsAsync(AppDbContext db, IReadOnlyList<string> ids, int author, UserErrorList errors, CancellationToken cancellationToken)
    {
        if (ids.Count > ProposalRules.MaxCoAuthors)
        {
            errors.Invalid("", ErrorCodes.TooManyItems, $"At most {ProposalRules.MaxCoAuthors} co-authors can be invited; {ids.Count} were named.");
            return [];
        }
        var keys = ids.Select(id => GlobalId.TryParseKey(id, PersonType.TypeName)).ToList();
        var known = (await db.Persons().Where(p => p.ErasedAtUtc == null && keys.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var coAuthors = new List<int>();
        for (var index = 0; index < ids.Count; index++)
        {
            var at = index.ToString();
            if (keys[index] is not { } key || !known.Contains(key)) errors.NotFound(at, ids[index], "No person has this id.");
            else if (key == author) errors.Invalid(at, CompetitionErrorCodes.SelfCoAuthor, "You are the proposal's author; name colleagues as co-authors.");
            else if (coAuthors.Contains(key)) errors.Invalid(at, ErrorCodes.DuplicateItem, "This colleague is named twice.");
            else coAuthors.Add(key);
        }
        return coAuthors;
    }

    /// <summary>An author's change to their own proposal, only during SUBMISSION and only while it is SUBMITTED.</summary>
    private static async Task<Payload<Proposal>> ByAuthorAsync(IResolveFieldContext context, Dictionary<string, object?> input, ProposalState to,
        Action<Proposal, Dictionary<string, object?>, UserErrorList>? apply)
    {
        var db = context.Db();
        if (await context.Viewer().PersonIdAsync(context.CancellationToken) is not { } personId) return NotLinked();
        var (proposal, competition, failure) = await LoadAsync(db, (string)input["proposalId"]!, context.CancellationToken);
        if (failure is not null) return failure;
        // Authors who came over in a merge wrote another proposal, so they do not change or withdraw this one.
        var self = await db.ProposalAuthors().AsTracking().SingleOrDefaultAsync(a => a.ProposalId == proposal!.Id && a.PersonId == personId && a.MergedFromProposalId == null, context.CancellationToken);
        if (self is null)
            return Payload<Proposal>.Failed(new NotAuthorError("Only the proposal's authors may change or withdraw it.", ["input", "proposalId"]));
        var phase = competition!.PhaseAt(context.Now());
        if (phase != CompetitionPhase.Submission)
            return Payload<Proposal>.Failed(new WrongPhaseError($"Authors can change proposals only during SUBMISSION; the competition is in {phase.GraphQLName()}.", ["input", "proposalId"], phase));
        if (proposal!.State != ProposalState.Submitted)
            return Payload<Proposal>.Failed(new InvalidTransitionError($"A {proposal.State.GraphQLName()} proposal cannot be changed by its authors.", ["input", "proposalId"], proposal.State, to));

        var errors = new UserErrorList("input");
        apply?.Invoke(proposal, input, errors);
        if (errors.Any) return Payload<Proposal>.Failed(errors);
        // The choice to hide a name is each author's own: the caller's is set; the lead's is also the proposal's default.
        if (input.TryGetValue("hideAuthorNames", out var hide) && hide is bool hideName)
        {
            self.HideName = hideName;
            if (self.IsLead) proposal.HideAuthorNames = hideName;
        }
        proposal.State = to;
        await db.SaveChangesAsync(context.CancellationToken);
        return Payload<Proposal>.Ok(proposal);
    }

    /// <summary>A manager's move of a proposal to another state, checked against the state machine and the phase.</summary>
    private static async Task<Payload<Proposal>> MoveAsync(IResolveFieldContext context, Dictionary<string, object?> input, ProposalState to,
        Func<Proposal, Dictionary<string, object?>, UserErrorList, AppDbContext, Task>? apply)
    {
        var db = context.Db();
        var (proposal, competition, failure) = await LoadAsync(db, (string)input["proposalId"]!, context.CancellationToken);
        if (failure is not null) return failure;
        if (!ProposalRules.CanMove(proposal!.State, to))
            return Payload<Proposal>.Failed(new InvalidTransitionError($"A {proposal.State.GraphQLName()} proposal cannot become {to.GraphQLName()}.", ["input", "proposalId"], proposal.State, to));
        var phase = competition!.PhaseAt(context.Now());
        if (!ProposalRules.AllowedInPhase(to, phase))
            return Payload<Proposal>.Failed(new WrongPhaseError($"A proposal cannot become {to.GraphQLName()} while the competition is in {phase.GraphQLName()}.", ["input", "proposalId"], phase));

        var errors = new UserErrorList("input");
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (apply is not null) await apply(proposal, input, errors, db);
        if (errors.Any) return Payload<Proposal>.Failed(errors);
        proposal.State = to;
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return Payload<Proposal>.Ok(proposal);
    }

    private static async Task MergeAsync(Proposal source, Dictionary<string, object?> input, UserErrorList errors, AppDbContext db)
    {
        var targetGlobalId = (string)input["intoProposalId"]!;
        var target = GlobalId.TryParseKey(targetGlobalId, ProposalType.TypeName) is { } targetId
            ? await db.Proposals().FirstOrDefaultAsync(p => p.Id == targetId && p.CompetitionId == source.CompetitionId)
            : null;
        if (target is null) { errors.NotFound("intoProposalId", targetGlobalId, "No proposal in the same competition has this id."); return; }
        if (target.Id == source.Id) { errors.Invalid("intoProposalId", ErrorCodes.InvalidFormat, "A proposal cannot be merged into itself."); return; }
        if (target.State is not (ProposalState.Submitted or ProposalState.Accepted))
        {
            errors.Invalid("intoProposalId", ErrorCodes.InvalidFormat, $"Proposals can only be merged into a SUBMITTED or ACCEPTED proposal; this one is {target.State.GraphQLName()}.");
            return;
        }

        // Voters who backed both keep their vote on the target and get the other one back.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE ballots SET "VotesUsed" = "VotesUsed" - 1
            WHERE "CompetitionId" = {source.CompetitionId} AND "VoterPersonId" IN (
              SELECT s."VoterPersonId" FROM votes s JOIN votes t ON t."VoterPersonId" = s."VoterPersonId" AND t."ProposalId" = {target.Id}
              WHERE s."ProposalId" = {source.Id})
            """);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM votes WHERE "ProposalId" = {source.Id}
              AND "VoterPersonId" IN (SELECT "VoterPersonId" FROM votes WHERE "ProposalId" = {target.Id})
            """);
        await db.Database.ExecuteSqlAsync($"""UPDATE votes SET "ProposalId" = {target.Id} WHERE "ProposalId" = {source.Id}""");
        // Every author keeps their own choice to hide their name, and stays with those they wrote with: hidden names are
        // shown to co-authors of the same origin only, so the target's authors do not learn who hid on the other side.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO proposal_authors ("ProposalId", "PersonId", "IsLead", "DisplayName", "HideName", "MergedFromProposalId")
            SELECT {target.Id}, "PersonId", {false}, "DisplayName", "HideName", COALESCE("MergedFromProposalId", {source.Id}) FROM proposal_authors WHERE "ProposalId" = {source.Id}
            ON CONFLICT ("ProposalId", "PersonId") DO NOTHING
            """);
        source.MergedIntoId = target.Id;
    }

    private static async Task RealiseAsync(Proposal proposal, Dictionary<string, object?> input, UserErrorList errors, AppDbContext db)
    {
        var description = ((string?)input["description"])?.Trim();
        errors.Required("description", description);
        errors.MaxLength("description", description, ProposalRules.MaxTextLength);
        var solution = input.TryGetValue("solution", out var s) ? ((string?)s)?.Trim() : null;
        errors.MaxLength("solution", solution, ProposalRules.MaxTitleLength);
        if (input.TryGetValue("initiativeId", out var initiativeGlobalId) && initiativeGlobalId is string id)
        {
            var initiativeId = GlobalId.TryParseKey(id, InitiativeType.TypeName);
            if (initiativeId is null || !await db.Initiatives().AnyAsync(i => i.Id == initiativeId)) errors.NotFound("initiativeId", id, "No initiative has this id.");
            proposal.RealisedAsInitiativeId = initiativeId;
        }
        proposal.RealisedOn = (DateOnly)input["realisedOn"]!;
        proposal.RealisationDescription = description;
        proposal.RealisedAsSolution = string.IsNullOrEmpty(solution) ? null : solution;
    }

    internal static async Task<(Proposal? Proposal, IdeaCompetition? Competition, Payload<Proposal>? Failure)> LoadAsync(AppDbContext db, string globalId, CancellationToken cancellationToken)
    {
        var proposal = GlobalId.TryParseKey(globalId, ProposalType.TypeName) is { } id
            ? await db.Proposals().AsTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
        if (proposal is null) return (null, null, Payload<Proposal>.Failed(new NotFoundError("No proposal has this id.", ["input", "proposalId"], globalId)));
        var competition = await db.Competitions().FirstAsync(c => c.Id == proposal.CompetitionId, cancellationToken);
        return (proposal, competition, null);
    }

    internal static Payload<Proposal> NotLinked() =>
        Payload<Proposal>.Failed(PersonNotLinkedError.Instance);
}
