using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppendOnlyAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_audit_log_PreviousHash",
                table: "audit_log",
                column: "PreviousHash",
                unique: true);

            // UPDATE and DELETE on the audit log are refused by the database (see AuditLogProtection).
            foreach (var sql in AuditLogProtection.SqliteCreate)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AuditLogProtection.SqliteDrop)
                migrationBuilder.Sql(sql);

            migrationBuilder.DropIndex(
                name: "IX_audit_log_PreviousHash",
                table: "audit_log");
        }
    }
}
