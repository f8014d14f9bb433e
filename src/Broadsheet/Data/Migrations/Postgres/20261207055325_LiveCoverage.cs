using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveStories",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveStories", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_LiveStories_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BodyMarkdown = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    ImagePath = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ImageAlt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Quote = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    QuoteSource = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    IsKeyEvent = table.Column<bool>(type: "boolean", nullable: false),
                    IsPinned = table.Column<bool>(type: "boolean", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    CreatedSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveEntries_LiveStories_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "LiveStories",
                        principalColumn: "ArticleId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiveEntries_Users_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveEntries_ArticleId_CreatedAt",
                table: "LiveEntries",
                columns: new[] { "ArticleId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveEntries_ArticleId_Sequence",
                table: "LiveEntries",
                columns: new[] { "ArticleId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveEntries_AuthorId",
                table: "LiveEntries",
                column: "AuthorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveEntries");

            migrationBuilder.DropTable(
                name: "LiveStories");
        }
    }
}
