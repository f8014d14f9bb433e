using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompactReaderKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Today's rows keep deduping: "u:42" becomes -42, and a 32-hex-digit hash becomes its
            // first 16 digits as a number with the top bit cleared, which is what ReaderKey now
            // computes for the same reader. (EF's plain ALTER TYPE has no USING, so it would fail.)
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleViewers" ALTER COLUMN "Reader" TYPE bigint USING
                    CASE WHEN "Reader" LIKE 'u:%' THEN -CAST(substr("Reader", 3) AS bigint)
                         ELSE ('x' || substr("Reader", 1, 16))::bit(64)::bigint & 9223372036854775807 END;
                """);
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");
        }
    }
}
