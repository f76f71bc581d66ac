using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompetitionFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RealisationStatus",
                table: "proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SelectionReason",
                table: "proposals",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplyToId",
                table: "proposal_comments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "comment_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comment_reports_persons_ReporterPersonId",
                        column: x => x.ReporterPersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_comment_reports_proposal_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "proposal_comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_persons_RecipientPersonId",
                        column: x => x.RecipientPersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "realisation_milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_realisation_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_realisation_milestones_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_proposal_comments_ReplyToId",
                table: "proposal_comments",
                column: "ReplyToId");

            migrationBuilder.CreateIndex(
                name: "IX_comment_reports_CommentId_ReporterPersonId",
                table: "comment_reports",
                columns: new[] { "CommentId", "ReporterPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comment_reports_ReporterPersonId",
                table: "comment_reports",
                column: "ReporterPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_comment_reports_State_Id",
                table: "comment_reports",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientPersonId_Id",
                table: "notifications",
                columns: new[] { "RecipientPersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_realisation_milestones_ProposalId_Date",
                table: "realisation_milestones",
                columns: new[] { "ProposalId", "Date" });

            migrationBuilder.AddForeignKey(
                name: "FK_proposal_comments_proposal_comments_ReplyToId",
                table: "proposal_comments",
                column: "ReplyToId",
                principalTable: "proposal_comments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Proposals realised before realisations had a status were recorded when put into use.
            migrationBuilder.Sql("""UPDATE proposals SET "RealisationStatus" = 3 WHERE "State" = 6""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_proposal_comments_proposal_comments_ReplyToId",
                table: "proposal_comments");

            migrationBuilder.DropTable(
                name: "comment_reports");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "realisation_milestones");

            migrationBuilder.DropIndex(
                name: "IX_proposal_comments_ReplyToId",
                table: "proposal_comments");

            migrationBuilder.DropColumn(
                name: "RealisationStatus",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "SelectionReason",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "ReplyToId",
                table: "proposal_comments");
        }
    }
}
