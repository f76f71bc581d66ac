using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.Surveys;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Identity;

/// <summary>The signed-in caller and the person-level data that is theirs alone to see.</summary>
public sealed record ViewerInfo(int? PersonId, IReadOnlyList<string> Roles);

public sealed class ViewerType : ObjectGraphType<ViewerInfo>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The signed-in caller. Their own assessed profiles are visible here, to them alone: no role can read another person's profile.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("The caller's app roles: Employee, InitiativeManager, Evaluator, Administrator.")
            .Resolve(ctx => ctx.Source.Roles);
        Field<PersonType>("person")
            .Description("The caller's own Person record; null when the sign-in is not linked to a person.")
            .Resolve(ctx => ctx.Source.PersonId is { } id ? ctx.LoadById<Person>(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentType>>>>("assessments")
            .Description("The caller's own assessed profile in each survey wave, oldest first.")
            .ResolveAsync(async ctx => ctx.Source.PersonId is { } id
                ? await ctx.Db().Assessments().Where(a => a.PersonId == id).OrderBy(a => a.Wave!.HeldOn).ToListAsync(ctx.CancellationToken)
                : []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipationType>>>>("participations")
            .Description("Every initiative the caller has taken part in, most recent enrolment first.")
            .ResolveAsync(async ctx => ctx.Source.PersonId is { } id
                ? await ctx.Db().Participations().Where(p => p.PersonId == id).OrderByDescending(p => p.EnrolledOn).ThenByDescending(p => p.Id).ToListAsync(ctx.CancellationToken)
                : []);
        this.AddCoAuthorInvitationsField();
    }
}

public static class ViewerQueries
{
    public static void AddViewerQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ViewerType>>("me")
            .Description("The signed-in caller, with their own assessments and participations.")
            .AuthorizeWithRoles(Roles.All)
            .ResolveAsync(async ctx =>
            {
                var viewer = ctx.Viewer();
                return new ViewerInfo(await viewer.PersonIdAsync(ctx.CancellationToken), viewer.Roles);
            });
    }
}
