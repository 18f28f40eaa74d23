using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Pg
{
    /// <inheritdoc />
    public partial class DocumentListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_documents_list_order",
                table: "documents",
                columns: new[] { "Year", "OrganisationId", "Title", "Id" },
                descending: new[] { true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_documents_list_order",
                table: "documents");
        }
    }
}
