using DigitalInitiativer.Api.Analytics;
using DigitalInitiativer.Api.Analytics.Disclosure;
using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Profiles;
using DigitalInitiativer.Api.Surveys;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Initiatives;

public sealed class InitiativeKindType : EnumerationGraphType<InitiativeKind>
{
    public InitiativeKindType()
    {
        Name = "InitiativeKind";
        Description = "The kinds of initiative the municipality runs to raise digital competences.";
    }
}

public sealed class InitiativeType : NodeType<Initiative>
{
    public const string TypeName = "Initiative";

    public InitiativeType() : base(TypeName, "An intervention meant to raise digital competences: a course, e-learning, a video guide, a drop-in café, peer training or the idea competition.")
    {
        Field(i => i.Code).Description("The initiative's unique, stable code, used by imports and learning systems to refer to it.");
        Field<NonNullGraphType<InitiativeKindType>>("kind").Description("What kind of initiative this is.").Resolve(ctx => ctx.Source.Kind);
        Field(i => i.Title).Description("The initiative's title.");
        Field(i => i.Description, nullable: true).Description("A longer description of the initiative.");
        Field<NonNullGraphType<OrganisationUnitType>>("unit")
            .Description("The unit the initiative is for; its sub-units are included.")
            .Resolve(ctx => ctx.Source.Unit is { } unit ? unit : ctx.LoadById<OrganisationUnit>(ctx.Source.UnitId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetenceProfileType>>>>("targetProfiles")
            .Description("The profiles the initiative is meant for, ordered by level. Empty when it is meant for everyone.")
            .Resolve(ctx => ctx.Source.TargetProfiles.Select(CompetenceProfile.Of));
        Field<NonNullGraphType<DateType>>("startsOn").Description("The first day of the initiative.").Resolve(ctx => ctx.Source.StartsOn);
        Field<DateType>("endsOn").Description("The last day of the initiative; null while it is ongoing.").Resolve(ctx => ctx.Source.EndsOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachCellType>>>>("reach")
            .Description("Which profile groups the initiative reached across the whole organisation: distinct participants (withdrawn ones excluded) per profile, "
                + "the four profiles by level and then the unassessed group (profile null). Small groups are withheld and counts perturbed, as in reachMatrix.")
            .Argument<IdGraphType>("waveId", "Group participants by their profile in this survey wave, and give coverage. "
                + "Without it, each participant is grouped by their latest assessment on or before the day their participation started.")
            .AuthorizeWithRoles(Roles.ReachReaders)
            .Resolve(ctx =>
            {
                var waveId = ctx.GetOptionalKey("waveId", SurveyWaveType.TypeName);
                var db = ctx.Db();
                var rules = ctx.DisclosureRules();
                ReachGrouping grouping = waveId is null ? new ReachGrouping.BeforeStart() : new ReachGrouping.InWave(waveId);
                // Keyed by the initiatives already loaded for this page, so the batch needs no query to find them again.
                return ctx.Loaders()
                    .GetOrAdd<Initiative, IReadOnlyList<ReachCell>>($"reach:{waveId}", async (initiatives, ct) =>
                    {
                        var tree = await OrgTree.LoadAsync(db, ct);
                        var rows = await ReachMatrix.ComputeAsync(db, tree, [.. initiatives], grouping, groupByKind: false, OrgTree.Everyone, RoleSlot.All, rules, ct);
                        return rows.ToDictionary(r => r.Initiative!, r => r.Cells);
                    }, [])
                    .Load(ctx.Source);
            });
        Field<NonNullGraphType<ConnectionType<ParticipationType, Participation>>>("participations")
            .Description("Who took part in the initiative, in the order they were recorded. Person-level data: every read is audit-logged.")
            .PagingArguments()
            .AuthorizeWithRoles(Roles.Managers)
            .Resolve(ctx => InitiativeParticipations.Load(ctx, ctx.Source.Id));
        this.AddCompetitionField();
    }
}
