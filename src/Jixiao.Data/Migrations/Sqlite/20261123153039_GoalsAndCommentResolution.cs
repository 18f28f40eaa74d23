using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GoalsAndCommentResolution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAt",
                table: "review_comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedBy",
                table: "review_comments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DocumentId",
                table: "performance_goals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TaskId",
                table: "performance_goals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "indicator_adjustments",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_performance_goals_TaskId",
                table: "performance_goals",
                column: "TaskId");

            migrationBuilder.AddForeignKey(
                name: "FK_performance_goals_evaluation_tasks_TaskId",
                table: "performance_goals",
                column: "TaskId",
                principalTable: "evaluation_tasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_performance_goals_evaluation_tasks_TaskId",
                table: "performance_goals");

            migrationBuilder.DropIndex(
                name: "IX_performance_goals_TaskId",
                table: "performance_goals");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "review_comments");

            migrationBuilder.DropColumn(
                name: "ResolvedBy",
                table: "review_comments");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "performance_goals");

            migrationBuilder.DropColumn(
                name: "TaskId",
                table: "performance_goals");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "indicator_adjustments");
        }
    }
}
