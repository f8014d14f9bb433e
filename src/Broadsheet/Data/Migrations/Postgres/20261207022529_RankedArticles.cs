using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RankedArticles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RankedArticles",
                columns: table => new
                {
                    List = table.Column<int>(type: "integer", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Figure = table.Column<long>(type: "bigint", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankedArticles", x => new { x.List, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_RankedArticles_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RankedArticles_ArticleId",
                table: "RankedArticles",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_RankedArticles_Day",
                table: "RankedArticles",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_RankedArticles_List_Day_Figure_PublishedAt",
                table: "RankedArticles",
                columns: new[] { "List", "Day", "Figure", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RankedArticles");
        }
    }
}
