using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class IdeaCompetition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "competitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ManualPhase = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionOpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewStartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VotingOpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VotingClosesAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultsPublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VotesPerPerson = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowSelfVoting = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProposalsPerPerson = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_competitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_competitions_initiatives_Id",
                        column: x => x.Id,
                        principalTable: "initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballots",
                columns: table => new
                {
                    CompetitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesUsed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ballots", x => new { x.CompetitionId, x.VoterPersonId });
                    table.ForeignKey(
                        name: "FK_ballots_competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ballots_persons_VoterPersonId",
                        column: x => x.VoterPersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompetitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposedSolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ExpectedBenefit = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    HideAuthorNames = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    RealisedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RealisationDescription = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RealisedAsInitiativeId = table.Column<int>(type: "INTEGER", nullable: true),
                    RealisedAsSolution = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_proposals_initiatives_RealisedAsInitiativeId",
                        column: x => x.RealisedAsInitiativeId,
                        principalTable: "initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_proposals_organisation_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisation_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposals_proposals_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proposal_authors",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposal_authors", x => new { x.ProposalId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_proposal_authors_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_proposal_authors_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorDisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposal_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposal_comments_persons_AuthorPersonId",
                        column: x => x.AuthorPersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_proposal_comments_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "votes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompetitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterPersonId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_votes_persons_VoterPersonId",
                        column: x => x.VoterPersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_votes_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ballots_VoterPersonId",
                table: "ballots",
                column: "VoterPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_proposal_authors_PersonId",
                table: "proposal_authors",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_proposal_comments_AuthorPersonId",
                table: "proposal_comments",
                column: "AuthorPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_proposal_comments_ProposalId_Id",
                table: "proposal_comments",
                columns: new[] { "ProposalId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_CompetitionId_State",
                table: "proposals",
                columns: new[] { "CompetitionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_MergedIntoId",
                table: "proposals",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_RealisedAsInitiativeId",
                table: "proposals",
                column: "RealisedAsInitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitId",
                table: "proposals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_votes_CompetitionId_VoterPersonId",
                table: "votes",
                columns: new[] { "CompetitionId", "VoterPersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_votes_ProposalId_VoterPersonId",
                table: "votes",
                columns: new[] { "ProposalId", "VoterPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_votes_VoterPersonId",
                table: "votes",
                column: "VoterPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ballots");

            migrationBuilder.DropTable(
                name: "proposal_authors");

            migrationBuilder.DropTable(
                name: "proposal_comments");

            migrationBuilder.DropTable(
                name: "votes");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "competitions");
        }
    }
}
