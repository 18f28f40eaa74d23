namespace Jixiao.Web.Infrastructure;

/// <summary>Settings under "Jixiao" (appsettings.json, environment JIXIAO__…, command line).</summary>
public sealed class JixiaoOptions
{
    /// <summary>Folder for the SQLite file and the data-protection keys. Command line: --data DIR.</summary>
    public string DataDir { get; set; } = "./data";
    /// <summary>Folder with the seed documents imported as demo data; empty = look for testdata/seeds upwards from the working folder.</summary>
    public string SeedPath { get; set; } = "";
    /// <summary>Create the demo organisations and users and import the seeds on first start.</summary>
    public bool Demo { get; set; } = true;
    /// <summary>The scoring and checking rule set (a built-in name).</summary>
    public string RuleSet { get; set; } = "caiyu-2020-10";
    /// <summary>Largest accepted upload, in bytes (default 20 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;
    /// <summary>
    /// Wall-clock limit on reading one upload, in seconds (default 30): a file slow to parse is stopped and answered
    /// 422 "文件解析超过 N 秒，已停止". 0 stops every read at once (for tests only).
    /// </summary>
    public double ReadTimeLimitSeconds { get; set; } = 30;

    public TimeSpan ReadTimeLimit => TimeSpan.FromSeconds(Math.Max(0, ReadTimeLimitSeconds));
    /// <summary>Password for admin and the demo users; else JIXIAO_ADMIN_PASSWORD; else generated and printed once.</summary>
    public string? AdminPassword { get; set; }
    public LockoutSettings Lockout { get; set; } = new();
}

public sealed class LockoutSettings
{
    public int MaxFailedAttempts { get; set; } = 5;
    public int Minutes { get; set; } = 15;
}
