using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ErasureForgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CallerPersonId",
                table: "audit_entries",
                type: "integer",
                nullable: true);

            // People erased before this version: their kept rows and the reads of their data stop pointing at them too.
            migrationBuilder.Sql("""
                UPDATE audit_entries SET "SubjectPersonId" = 0 WHERE "SubjectPersonId" IN (SELECT "Id" FROM persons WHERE "ErasedAtUtc" IS NOT NULL);
                UPDATE persons SET "Role" = 1, "RecordKey" = 0, "UnitId" = (SELECT "Id" FROM organisation_units WHERE "ParentId" IS NULL ORDER BY "Id" LIMIT 1)
                WHERE "ErasedAtUtc" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CallerPersonId",
                table: "audit_entries");
        }
    }
}
