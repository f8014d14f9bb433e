using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeepPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Hotness",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_PublishedAt_Id_Status",
                table: "Articles",
                columns: new[] { "CategoryId", "PublishedAt", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Hotness_PublishedAt",
                table: "Articles",
                columns: new[] { "Hotness", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt_Id_Status",
                table: "Articles",
                columns: new[] { "PublishedAt", "Id", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_PublishedAt_Id_Status",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Hotness_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublishedAt_Id_Status",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_PublishedAt",
                table: "Articles",
                columns: new[] { "CategoryId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Hotness",
                table: "Articles",
                column: "Hotness");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt",
                table: "Articles",
                column: "PublishedAt");
        }
    }
}
