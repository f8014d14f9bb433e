using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompactReaderKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Today's rows keep deduping: "u:42" becomes -42, and a 32-hex-digit hash becomes its
            // first 16 digits as a number with the top bit cleared, which is what ReaderKey now
            // computes for the same reader. SQLite has no hex parser, so the digits are shifted in
            // one by one (in SQLite <<, & and | share one precedence: every step is bracketed).
            var hex = string.Join(" | ", Enumerable.Range(0, 16).Select(i =>
                $"(((instr('0123456789abcdef', substr(\"Reader\", {i + 1}, 1)) - 1) & {(i == 0 ? 7 : 15)}) << {4 * (15 - i)})"));
            migrationBuilder.Sql($$"""
                UPDATE OR IGNORE "ArticleViewers" SET "Reader" =
                    CASE WHEN "Reader" LIKE 'u:%' THEN -CAST(substr("Reader", 3) AS INTEGER) ELSE ({{hex}}) END;
                """);
            // A row left unconverted (its number was taken, about 2^-64 likely) is dropped, not kept as text.
            migrationBuilder.Sql("""DELETE FROM "ArticleViewers" WHERE length("Reader") = 32 OR "Reader" LIKE 'u:%';""");
            // The table rebuild below copies the decimal text into the INTEGER column as numbers.
            migrationBuilder.AlterColumn<long>(
                name: "Reader",
                table: "ArticleViewers",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A hash cannot be turned back into its text form. These rows only dedupe today's views,
            // so going back costs at most one more count per reader who already read a story today.
            migrationBuilder.Sql("""DELETE FROM "ArticleViewers";""");
            migrationBuilder.AlterColumn<string>(
                name: "Reader",
                table: "ArticleViewers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");
        }
    }
}
