using System.Globalization;
using Jixiao.Load;

// dotnet Jixiao.Load.dll URL USERS SECONDS SERVER_PID SEED_FILE PASSWORD
if (args.Length < 6)
{
    Console.Error.WriteLine("用法：Jixiao.Load URL 并发用户数 秒数 服务器PID 种子文件 密码");
    return 2;
}
var url = new Uri(args[0]);
var users = int.Parse(args[1], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[2], CultureInfo.InvariantCulture);
var pid = int.Parse(args[3], CultureInfo.InvariantCulture);
var seed = await File.ReadAllBytesAsync(args[4]);
string[] accounts = ["zlt-sbzx-tianbao", "zlt-jyzx-tianbao", "fy-sbzx-tianbao", "hhht-rsj-tianbao"];
var run = new LoadRun(url, accounts, args[5], seed, Path.GetFileName(args[4]));

// Resident memory of the server every 5 s (VmRSS from /proc).
var samples = new List<(double T, long Kb)>();
using var sampling = new CancellationTokenSource();
var clock = System.Diagnostics.Stopwatch.StartNew();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        if (line is not null) lock (samples) samples.Add((clock.Elapsed.TotalSeconds, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)));
        try { await Task.Delay(5000, sampling.Token); } catch (TaskCanceledException) { }
    }
});
var result = await run.RunAsync(users, TimeSpan.FromSeconds(seconds));
await sampling.CancelAsync();
await sampler;

Console.WriteLine(result.Describe());
foreach (var e in result.FirstErrors) Console.WriteLine("  错误：" + e);
lock (samples)
{
    if (samples.Count >= 4)
    {
        var firstMinute = samples.Where(s => s.T <= Math.Min(60, seconds / 4.0)).Select(s => s.Kb).DefaultIfEmpty(samples[0].Kb).Average();
        var lastMinute = samples.Where(s => s.T >= seconds - Math.Min(60, seconds / 4.0)).Select(s => s.Kb).DefaultIfEmpty(samples[^1].Kb).Average();
        Console.WriteLine($"服务器内存（RSS）：开始阶段平均 {firstMinute / 1024:0} MB，结束阶段平均 {lastMinute / 1024:0} MB，最高 {samples.Max(s => s.Kb) / 1024:0} MB（{samples.Count} 次采样）");
        Console.WriteLine("RSS 采样（秒:MB）：" + string.Join(" ", samples.Select(s => $"{s.T:0}:{s.Kb / 1024}")));
    }
}
return result.Errors == 0 ? 0 : 1;
