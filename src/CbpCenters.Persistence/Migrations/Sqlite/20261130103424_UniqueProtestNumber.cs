using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CbpCenters.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniqueProtestNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_ProtestNumber",
                table: "Cases",
                columns: new[] { "Kind", "Reference" },
                unique: true,
                filter: "\"Kind\" = 'protest'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ProtestNumber",
                table: "Cases");
        }
    }
}
