using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuthorOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ViaMerge",
                table: "proposal_authors");

            migrationBuilder.AddColumn<int>(
                name: "MergedFromProposalId",
                table: "proposal_authors",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MergedFromProposalId",
                table: "proposal_authors");

            migrationBuilder.AddColumn<bool>(
                name: "ViaMerge",
                table: "proposal_authors",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
