using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jixiao.Data;

/// <summary>For `dotnet ef migrations add … --context SqliteJixiaoDb`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJixiaoDb>
{
    public SqliteJixiaoDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJixiaoDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>For `dotnet ef migrations add … --context PgJixiaoDb` (no server needed to add a migration).</summary>
public sealed class PgDesignTimeFactory : IDesignTimeDbContextFactory<PgJixiaoDb>
{
    public PgJixiaoDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PgJixiaoDb>().UseNpgsql("Host=127.0.0.1;Database=jixiao_design").Options);
}
