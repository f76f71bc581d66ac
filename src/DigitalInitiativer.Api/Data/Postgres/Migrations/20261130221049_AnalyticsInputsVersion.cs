using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsInputsVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_inputs_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_inputs_version", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "analytics_inputs_version",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            foreach (var trigger in DigitalInitiativer.Api.Analytics.FigureInputs.PostgresTriggers())
                migrationBuilder.Sql(trigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var drop in DigitalInitiativer.Api.Analytics.FigureInputs.DropPostgresTriggers())
                migrationBuilder.Sql(drop);

            migrationBuilder.DropTable(
                name: "analytics_inputs_version");
        }
    }
}
