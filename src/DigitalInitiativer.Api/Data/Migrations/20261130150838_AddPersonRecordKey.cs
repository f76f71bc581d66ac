using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalInitiativer.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddPersonRecordKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RecordKey",
                table: "persons",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // People who were there before get a random record key of their own (below 2^36, as Person.RecordKeyBits says).
            migrationBuilder.Sql("""UPDATE persons SET "RecordKey" = random() & 68719476735;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordKey",
                table: "persons");
        }
    }
}
