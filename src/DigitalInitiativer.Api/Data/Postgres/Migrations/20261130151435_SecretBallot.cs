using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SecretBallot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_votes_persons_VoterPersonId",
                table: "votes");

            migrationBuilder.AlterColumn<int>(
                name: "VoterPersonId",
                table: "votes",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<DateTime>(
                name: "ParticipationRecordedAtUtc",
                table: "competitions",
                type: "timestamp with time zone",
                nullable: true);

            // Competitions that closed before this version recorded their participants as they went.
            migrationBuilder.Sql("""
                UPDATE competitions SET "ParticipationRecordedAtUtc" = now()
                WHERE "ManualPhase" >= 5 OR "VotingClosesAtUtc" <= now() OR "ResultsPublishedAtUtc" <= now();
                """);

            migrationBuilder.AddForeignKey(
                name: "FK_votes_persons_VoterPersonId",
                table: "votes",
                column: "VoterPersonId",
                principalTable: "persons",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_votes_persons_VoterPersonId",
                table: "votes");

            migrationBuilder.DropColumn(
                name: "ParticipationRecordedAtUtc",
                table: "competitions");

            migrationBuilder.AlterColumn<int>(
                name: "VoterPersonId",
                table: "votes",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_votes_persons_VoterPersonId",
                table: "votes",
                column: "VoterPersonId",
                principalTable: "persons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
