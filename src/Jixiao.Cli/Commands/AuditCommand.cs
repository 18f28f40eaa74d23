using System.CommandLine;
using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao audit verify [--db CONN | --data DIR]`: walks the audit log's hash chain. Exit 0 intact, 1 broken, 2 no database.</summary>
public static class AuditCommand
{
    public static Command Build(CliOutput output)
    {
        var db = DatabaseTarget.DbOption();
        var data = DatabaseTarget.DataOption();
        var verify = new Command("verify", "校验审计日志的哈希链：任何一条记录被修改、删除、插入或重排都会被发现") { db, data };
        verify.SetAction(parse => Verify(DatabaseTarget.Choose(parse.GetValue(db), parse.GetValue(data)!), output));
        return new Command("audit", "审计日志") { verify };
    }

    public static int Verify(DatabaseTarget target, CliOutput output)
    {
        if (!target.IsPostgres && !File.Exists(target.SqliteFile))
        {
            output.Error.WriteLine($"jixiao：数据库文件不存在：{target.SqliteFile}");
            return 2;
        }
        try
        {
            using var ctx = target.Open();
            if (!ctx.Database.CanConnect())
            {
                output.Error.WriteLine($"jixiao：无法连接数据库：{target.Description}");
                return 2;
            }
            var r = AuditChain.VerifyAsync(ctx).GetAwaiter().GetResult();
            if (r.FirstBroken is { } id)
            {
                output.Out.WriteLine($"审计日志哈希链已断开：{r.Reason}");
                output.Out.WriteLine($"第 {id} 条之前的 {r.Entries - 1} 条记录完好。");
                return 1;
            }
            output.Out.WriteLine($"审计日志完好：{r.Entries} 条记录，哈希链首尾相接。");
            if (r.Head is { } head) output.Out.WriteLine($"最新哈希：{head}");
            return 0;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            output.Error.WriteLine($"jixiao：无法读取审计日志（{target.Description}）：数据库不可用或不是 Jixiao 数据库。");
            return 2;
        }
    }
}
