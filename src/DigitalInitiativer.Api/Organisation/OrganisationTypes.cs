using DigitalInitiativer.Api.GraphQL.DataLoading;
using DigitalInitiativer.Api.GraphQL.Relay;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace DigitalInitiativer.Api.Organisation;

public sealed class OrganisationUnitType : NodeType<OrganisationUnit>
{
    public const string TypeName = "OrganisationUnit";

    public OrganisationUnitType() : base(TypeName, "A unit in the municipality's organisation tree, e.g. the municipality > Arbejdsmarked > Jobcenter Esbjerg.")
    {
        Field(u => u.Code).Description("The unit's stable code, as used by imports and the organisation's own systems.");
        Field(u => u.Name).Description("The unit's name.");
        Field<OrganisationUnitType>("parent")
            .Description("The unit above this one; null for the municipality itself.")
            .ResolveById<OrganisationUnit, OrganisationUnit>(u => u.ParentId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationUnitType>>>>("children")
            .Description("The units directly below this one, ordered by name.")
            .Resolve().WithService<EntityLoader>()
            .Resolve((ctx, load) => load.Grouped("unitChildren", ctx.Source.Id,
                (db, ids) => db.Units().Where(u => u.ParentId != null && ids.Contains(u.ParentId.Value)).OrderBy(u => u.Name),
                u => u.ParentId!.Value));
    }
}

public sealed class PersonRoleType : EnumerationGraphType<PersonRole>
{
    public PersonRoleType()
    {
        Name = "PersonRole";
        Description = "The two staff roles the survey covers.";
    }
}

public sealed class PersonType : NodeType<Person>
{
    public const string TypeName = "Person";

    public PersonType() : base(TypeName, "A pseudonymous employee or leader. No names or employee numbers are stored.")
    {
        Field(p => p.Key).Description("The person's pseudonymous key. Demo persons have readable keys such as demo-0001.");
        Field<NonNullGraphType<PersonRoleType>>("role").Description("Whether the person is an employee or a leader.").Resolve(ctx => ctx.Source.Role);
        Field<NonNullGraphType<OrganisationUnitType>>("unit").Description("The unit the person belongs to now.").ResolveById<Person, OrganisationUnit>(p => p.UnitId);
    }
}
