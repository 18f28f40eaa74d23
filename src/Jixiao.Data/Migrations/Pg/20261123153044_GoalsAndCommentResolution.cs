using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Migrations.Pg
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedBy",
                table: "review_comments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DocumentId",
                table: "performance_goals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TaskId",
                table: "performance_goals",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "Executed",
                table: "monthly_executions",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(18,2)",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.AlterColumn<decimal>(
                name: "Budget",
                table: "monthly_executions",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(18,2)",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "indicator_adjustments",
                type: "character varying(2000)",
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

            migrationBuilder.AlterColumn<decimal>(
                name: "Executed",
                table: "monthly_executions",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(18,6)",
                oldPrecision: 18,
                oldScale: 6);

            migrationBuilder.AlterColumn<decimal>(
                name: "Budget",
                table: "monthly_executions",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(18,6)",
                oldPrecision: 18,
                oldScale: 6);
        }
    }
}
