using System.CommandLine;
using System.Diagnostics;
using Jixiao.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao db backup FILE` and `jixiao db restore FILE` [--db CONN | --data DIR].
/// SQLite: the online backup API (a consistent page copy while the server runs), checked with integrity_check.
/// PostgreSQL: pg_dump's custom format (one MVCC snapshot; sequences, constraints and types exact) and
/// pg_restore --clean --single-transaction (all or nothing). Both check the audit chain of what they wrote.
/// </summary>
public static class DbCommand
{
    public static Command Build(CliOutput output)
    {
        var db = DatabaseTarget.DbOption();
        var data = DatabaseTarget.DataOption();
        var file = new Argument<string>("file") { Description = "备份文件" };
        var backup = new Command("backup", "备份数据库到文件（SQLite：在线备份；PostgreSQL：pg_dump 自定义格式）") { file, db, data };
        backup.SetAction(p => Backup(DatabaseTarget.Choose(p.GetValue(db), p.GetValue(data)!), p.GetValue(file)!, output));
        var file2 = new Argument<string>("file") { Description = "备份文件" };
        var db2 = DatabaseTarget.DbOption();
        var data2 = DatabaseTarget.DataOption();
        var restore = new Command("restore", "用备份文件替换数据库的全部内容（请先停止服务）") { file2, db2, data2 };
        restore.SetAction(p => Restore(DatabaseTarget.Choose(p.GetValue(db2), p.GetValue(data2)!), p.GetValue(file2)!, output));
        return new Command("db", "数据库备份与还原") { backup, restore };
    }

    public static int Backup(DatabaseTarget target, string file, CliOutput output)
    {
        var full = Path.GetFullPath(file);
        var tmp = full + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.Delete(tmp);
            if (target.IsPostgres)
            {
                var (code, err) = PgTool("pg_dump", target.ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--file={tmp}"], database: true);
                if (code != 0) return Fail(output, $"pg_dump 失败（退出码 {code}）：{err}");
            }
            else
            {
                if (!File.Exists(target.SqliteFile)) return Fail(output, $"数据库文件不存在：{target.SqliteFile}");
                using (var src = new SqliteConnection(NoPool(target.ConnectionString)))
                using (var dst = new SqliteConnection($"Data Source={tmp};Pooling=False"))
                {
                    src.Open();
                    dst.Open();
                    src.BackupDatabase(dst);
                    if (Scalar(dst, "PRAGMA integrity_check") is not "ok") return Fail(output, "备份文件完整性检查未通过。");
                }
            }
            File.Move(tmp, full, overwrite: true);
            var summary = Summary(target);
            output.Out.WriteLine($"已备份 {target.Description} → {full}（{new FileInfo(full).Length / 1024.0:0.#} KB）");
            output.Out.WriteLine(summary);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or NpgsqlException or System.ComponentModel.Win32Exception)
        {
            return Fail(output, $"备份失败：{Describe(e)}");
        }
        finally
        {
            try { File.Delete(tmp); } catch (IOException) { }
        }
    }

    public static int Restore(DatabaseTarget target, string file, CliOutput output)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full)) return Fail(output, $"备份文件不存在：{full}");
        var kind = Kind(full);
        try
        {
            if (target.IsPostgres)
            {
                if (kind != "pg") return Fail(output, kind == "sqlite" ? "这是 SQLite 备份，不能还原到 PostgreSQL。" : "不是 Jixiao 的备份文件（应为 pg_dump 自定义格式）。");
                var (code, err) = PgTool("pg_restore", target.ConnectionString, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", full], database: true);
                if (code != 0) return Fail(output, $"pg_restore 失败（退出码 {code}），数据库未改变：{err}");
            }
            else
            {
                if (kind != "sqlite") return Fail(output, kind == "pg" ? "这是 PostgreSQL 备份，不能还原到 SQLite。" : "不是 Jixiao 的备份文件（应为 SQLite 数据库文件）。");
                using (var src = new SqliteConnection($"Data Source={full};Mode=ReadOnly;Pooling=False"))
                {
                    src.Open();
                    if (Scalar(src, "PRAGMA integrity_check") is not "ok") return Fail(output, "备份文件已损坏（完整性检查未通过），数据库未改变。");
                    if (Scalar(src, "SELECT count(*) FROM sqlite_master WHERE name IN ('audit_log','documents','__EFMigrationsHistory')") is not "3")
                        return Fail(output, "备份文件不是 Jixiao 数据库，数据库未改变。");
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target.SqliteFile))!);
                    using var dst = new SqliteConnection(NoPool(target.ConnectionString));
                    dst.Open();
                    src.BackupDatabase(dst);
                }
                SqliteConnection.ClearAllPools();
            }
            using var ctx = target.Open();
            var chain = AuditChain.VerifyAsync(ctx).GetAwaiter().GetResult();
            output.Out.WriteLine($"已从 {full} 还原 {target.Description}");
            output.Out.WriteLine(Summary(target));
            if (chain.FirstBroken is not null)
            {
                output.Out.WriteLine("警告：还原后的审计日志哈希链不完整：" + chain.Reason);
                return 1;
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or NpgsqlException or System.ComponentModel.Win32Exception)
        {
            return Fail(output, $"还原失败：{Describe(e)}");
        }
    }

    /// <summary>Row counts and the audit chain's head: printed after backup and restore, and compared by the tests.</summary>
    public static string Summary(DatabaseTarget target)
    {
        using var ctx = target.Open();
        var chain = AuditChain.VerifyAsync(ctx).GetAwaiter().GetResult();
        return $"单位 {ctx.Organisations.Count()}，用户 {ctx.Users.Count()}，文档 {ctx.Documents.Count()}，版本 {ctx.DocumentVersions.Count()}，" +
            $"检查结果 {ctx.Findings.Count()}，导入 {ctx.Imports.Count()}，审计记录 {chain.Entries}（{(chain.FirstBroken is null ? "哈希链完好" : "哈希链断开")}）";
    }

    private static string Kind(string file)
    {
        Span<byte> head = stackalloc byte[16];
        using var f = File.OpenRead(file);
        var n = f.ReadAtLeast(head, 16, throwOnEndOfStream: false);
        if (n >= 16 && head.SequenceEqual("SQLite format 3\0"u8)) return "sqlite";
        if (n >= 5 && head[..5].SequenceEqual("PGDMP"u8)) return "pg";
        return "other";
    }

    private static (int Code, string Error) PgTool(string tool, string connectionString, string[] args, bool database)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (!string.IsNullOrEmpty(cs.Host)) { psi.ArgumentList.Add("--host"); psi.ArgumentList.Add(cs.Host); }
        psi.ArgumentList.Add("--port"); psi.ArgumentList.Add(cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(cs.Username)) { psi.ArgumentList.Add("--username"); psi.ArgumentList.Add(cs.Username); }
        psi.ArgumentList.Add("--no-password");
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (database) { psi.ArgumentList.Add("--dbname"); psi.ArgumentList.Add(cs.Database ?? "postgres"); }
        // The password goes through the environment, never the command line (visible in ps).
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        using var p = Process.Start(psi) ?? throw new IOException($"无法启动 {tool}");
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var err = stderr.GetAwaiter().GetResult().Trim().Split('\n').FirstOrDefault() ?? "";
        return (p.ExitCode, err);
    }

    private static string NoPool(string cs) => new SqliteConnectionStringBuilder(cs) { Pooling = false }.ConnectionString;

    private static string? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Describe(Exception e) => e switch
    {
        System.ComponentModel.Win32Exception => "找不到 pg_dump / pg_restore（请安装 postgresql-client）。",
        SqliteException s => $"SQLite 错误 {s.SqliteErrorCode}。",
        NpgsqlException => "无法连接 PostgreSQL。",
        UnauthorizedAccessException => "没有文件读写权限。",
        _ => "文件读写出错。",
    };

    private static int Fail(CliOutput output, string message)
    {
        output.Error.WriteLine("jixiao：" + message);
        return 2;
    }
}
