using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoAuthorConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HideName",
                table: "proposal_authors",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ViaMerge",
                table: "proposal_authors",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Each author takes over their proposal's choice to hide its authors' names, so nothing hidden comes to light.
            migrationBuilder.Sql("""
                UPDATE proposal_authors SET "HideName" = (SELECT p."HideAuthorNames" FROM proposals p WHERE p."Id" = proposal_authors."ProposalId");
                """);

            migrationBuilder.CreateTable(
                name: "co_author_invitations",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_co_author_invitations", x => new { x.ProposalId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_co_author_invitations_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_co_author_invitations_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_co_author_invitations_PersonId_State",
                table: "co_author_invitations",
                columns: new[] { "PersonId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "co_author_invitations");

            migrationBuilder.DropColumn(
                name: "HideName",
                table: "proposal_authors");

            migrationBuilder.DropColumn(
                name: "ViaMerge",
                table: "proposal_authors");
        }
    }
}
