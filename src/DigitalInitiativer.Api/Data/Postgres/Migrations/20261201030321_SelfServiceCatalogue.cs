using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DigitalInitiativer.Api.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SelfServiceCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FromEnrolment",
                table: "participations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Role",
                table: "participations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Visits",
                table: "participations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EnglishDescription",
                table: "initiatives",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnglishTitle",
                table: "initiatives",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "initiatives",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Url",
                table: "initiatives",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Completed",
                table: "analytics_participations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Visits",
                table: "analytics_participations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Participants of closed competitions recorded before roles: each one's most visible part, as the close now records it.
            migrationBuilder.Sql("""
                UPDATE participations SET "Role" = CASE
                  WHEN EXISTS (SELECT 1 FROM proposal_authors a JOIN proposals p ON p."Id" = a."ProposalId"
                               WHERE p."CompetitionId" = participations."InitiativeId" AND a."PersonId" = participations."PersonId" AND a."IsLead") THEN 3
                  WHEN EXISTS (SELECT 1 FROM proposal_authors a JOIN proposals p ON p."Id" = a."ProposalId"
                               WHERE p."CompetitionId" = participations."InitiativeId" AND a."PersonId" = participations."PersonId") THEN 4
                  WHEN EXISTS (SELECT 1 FROM proposal_comments c JOIN proposals p ON p."Id" = c."ProposalId"
                               WHERE p."CompetitionId" = participations."InitiativeId" AND c."AuthorPersonId" = participations."PersonId") THEN 6
                  WHEN EXISTS (SELECT 1 FROM votes v WHERE v."CompetitionId" = participations."InitiativeId" AND v."VoterPersonId" = participations."PersonId") THEN 5
                  ELSE NULL END
                WHERE "InitiativeId" IN (SELECT "Id" FROM competitions WHERE "ParticipationRecordedAtUtc" IS NOT NULL)
                """);

            migrationBuilder.CreateTable(
                name: "digital_superusers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Contact = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digital_superusers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_digital_superusers_organisation_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisation_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_digital_superusers_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "initiative_sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InitiativeId = table.Column<int>(type: "integer", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    OnlineUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    HostPersonId = table.Column<int>(type: "integer", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_initiative_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_initiative_sessions_initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_initiative_sessions_persons_HostPersonId",
                        column: x => x.HostPersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "session_attendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_session_attendances_initiative_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "initiative_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_session_attendances_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_enrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    EnrolledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_session_enrolments_initiative_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "initiative_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_session_enrolments_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_digital_superusers_PersonId_UnitId",
                table: "digital_superusers",
                columns: new[] { "PersonId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_digital_superusers_UnitId",
                table: "digital_superusers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_initiative_sessions_HostPersonId",
                table: "initiative_sessions",
                column: "HostPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_initiative_sessions_InitiativeId_StartsAtUtc",
                table: "initiative_sessions",
                columns: new[] { "InitiativeId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_session_attendances_PersonId",
                table: "session_attendances",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_session_attendances_SessionId_PersonId",
                table: "session_attendances",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_session_enrolments_PersonId",
                table: "session_enrolments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_session_enrolments_SessionId_PersonId",
                table: "session_enrolments",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_session_enrolments_SessionId_State_Id",
                table: "session_enrolments",
                columns: new[] { "SessionId", "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digital_superusers");

            migrationBuilder.DropTable(
                name: "session_attendances");

            migrationBuilder.DropTable(
                name: "session_enrolments");

            migrationBuilder.DropTable(
                name: "initiative_sessions");

            migrationBuilder.DropColumn(
                name: "FromEnrolment",
                table: "participations");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "participations");

            migrationBuilder.DropColumn(
                name: "Visits",
                table: "participations");

            migrationBuilder.DropColumn(
                name: "EnglishDescription",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "EnglishTitle",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "Url",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "Completed",
                table: "analytics_participations");

            migrationBuilder.DropColumn(
                name: "Visits",
                table: "analytics_participations");
        }
    }
}
