using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Migrations
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<DateTime>(
                name: "ParticipationRecordedAtUtc",
                table: "competitions",
                type: "TEXT",
                nullable: true);

            // Competitions that closed before this version recorded their participants as they went.
            migrationBuilder.Sql("""
                UPDATE competitions SET "ParticipationRecordedAtUtc" = CURRENT_TIMESTAMP
                WHERE "ManualPhase" >= 5 OR "VotingClosesAtUtc" <= CURRENT_TIMESTAMP OR "ResultsPublishedAtUtc" <= CURRENT_TIMESTAMP;
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
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
