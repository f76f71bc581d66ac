using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HideVoteCountsUntilClosed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HideVoteCountsUntilClosed",
                table: "competitions",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HideVoteCountsUntilClosed",
                table: "competitions");
        }
    }
}
