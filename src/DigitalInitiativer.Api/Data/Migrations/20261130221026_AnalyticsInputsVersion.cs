using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_inputs_version", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "analytics_inputs_version",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            foreach (var trigger in DigitalInitiativer.Api.Analytics.FigureInputs.SqliteTriggers())
                migrationBuilder.Sql(trigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var drop in DigitalInitiativer.Api.Analytics.FigureInputs.DropSqliteTriggers())
                migrationBuilder.Sql(drop);

            migrationBuilder.DropTable(
                name: "analytics_inputs_version");
        }
    }
}
