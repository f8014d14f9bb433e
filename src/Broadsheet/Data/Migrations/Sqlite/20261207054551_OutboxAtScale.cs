using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_SentAt_FailedAt_DueAt",
                table: "OutboxMails");

            migrationBuilder.AddColumn<string>(
                name: "Batch",
                table: "OutboxMails",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BodyId",
                table: "OutboxMails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Lane",
                table: "OutboxMails",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Preferences",
                table: "OutboxMails",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SkippedAt",
                table: "OutboxMails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Unsubscribe",
                table: "OutboxMails",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutboxBodies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoppedAddresses",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SmtpReply = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoppedAddresses", x => x.Address);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_Batch_To",
                table: "OutboxMails",
                columns: new[] { "Batch", "To" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_BodyId",
                table: "OutboxMails",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_Lane_SentAt_FailedAt_DueAt",
                table: "OutboxMails",
                columns: new[] { "Lane", "SentAt", "FailedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxBodies_Batch",
                table: "OutboxBodies",
                column: "Batch",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoppedAddresses_At",
                table: "StoppedAddresses",
                column: "At");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMails_OutboxBodies_BodyId",
                table: "OutboxMails",
                column: "BodyId",
                principalTable: "OutboxBodies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMails_OutboxBodies_BodyId",
                table: "OutboxMails");

            migrationBuilder.DropTable(
                name: "OutboxBodies");

            migrationBuilder.DropTable(
                name: "StoppedAddresses");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_Batch_To",
                table: "OutboxMails");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_BodyId",
                table: "OutboxMails");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_Lane_SentAt_FailedAt_DueAt",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "Batch",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "Lane",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "Preferences",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "SkippedAt",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "Unsubscribe",
                table: "OutboxMails");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_SentAt_FailedAt_DueAt",
                table: "OutboxMails",
                columns: new[] { "SentAt", "FailedAt", "DueAt" });
        }
    }
}
