using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DigitalInitiativer.Api.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CallerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CallerRoles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectPersonId = table.Column<int>(type: "integer", nullable: false),
                    DataType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OperationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organisation_units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organisation_units_organisation_units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "organisation_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_waves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_waves", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "initiatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TargetProfileMask = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_initiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_initiatives_organisation_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisation_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ErasedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_persons_organisation_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisation_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "strategy_goals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Profile = table.Column<int>(type: "integer", nullable: false),
                    Comparison = table.Column<int>(type: "integer", nullable: false),
                    TargetShare = table.Column<double>(type: "double precision", nullable: false),
                    TargetYear = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_strategy_goals_organisation_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisation_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "competitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ManualPhase = table.Column<int>(type: "integer", nullable: false),
                    SubmissionOpensAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewStartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VotingOpensAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VotingClosesAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResultsPublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VotesPerPerson = table.Column<int>(type: "integer", nullable: false),
                    AllowSelfVoting = table.Column<bool>(type: "boolean", nullable: false),
                    ProposalsPerPerson = table.Column<int>(type: "integer", nullable: false)
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
                name: "assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    WaveId = table.Column<int>(type: "integer", nullable: false),
                    Profile = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessments_organisation_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisation_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assessments_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assessments_survey_waves_WaveId",
                        column: x => x.WaveId,
                        principalTable: "survey_waves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    InitiativeId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EnrolledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participations_initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_participations_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballots",
                columns: table => new
                {
                    CompetitionId = table.Column<int>(type: "integer", nullable: false),
                    VoterPersonId = table.Column<int>(type: "integer", nullable: false),
                    VotesUsed = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompetitionId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Problem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProposedSolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExpectedBenefit = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    HideAuthorNames = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    RealisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RealisationDescription = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RealisedAsInitiativeId = table.Column<int>(type: "integer", nullable: true),
                    RealisedAsSolution = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true)
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
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    AuthorPersonId = table.Column<int>(type: "integer", nullable: false),
                    AuthorDisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HiddenReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompetitionId = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    VoterPersonId = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_assessments_PersonId_WaveId",
                table: "assessments",
                columns: new[] { "PersonId", "WaveId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessments_UnitId",
                table: "assessments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assessments_WaveId_UnitId",
                table: "assessments",
                columns: new[] { "WaveId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_SubjectPersonId_Id",
                table: "audit_entries",
                columns: new[] { "SubjectPersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ballots_VoterPersonId",
                table: "ballots",
                column: "VoterPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Code",
                table: "initiatives",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_StartsOn",
                table: "initiatives",
                column: "StartsOn");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Title",
                table: "initiatives",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_UnitId",
                table: "initiatives",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_units_Code",
                table: "organisation_units",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organisation_units_ParentId",
                table: "organisation_units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_units_Path",
                table: "organisation_units",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_participations_InitiativeId_PersonId",
                table: "participations",
                columns: new[] { "InitiativeId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_participations_PersonId",
                table: "participations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_persons_Key",
                table: "persons",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_persons_UnitId",
                table: "persons",
                column: "UnitId");

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
                name: "IX_strategy_goals_UnitId",
                table: "strategy_goals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_waves_Year",
                table: "survey_waves",
                column: "Year",
                unique: true);

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
                name: "assessments");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "ballots");

            migrationBuilder.DropTable(
                name: "participations");

            migrationBuilder.DropTable(
                name: "proposal_authors");

            migrationBuilder.DropTable(
                name: "proposal_comments");

            migrationBuilder.DropTable(
                name: "strategy_goals");

            migrationBuilder.DropTable(
                name: "votes");

            migrationBuilder.DropTable(
                name: "survey_waves");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "competitions");

            migrationBuilder.DropTable(
                name: "initiatives");

            migrationBuilder.DropTable(
                name: "organisation_units");
        }
    }
}
