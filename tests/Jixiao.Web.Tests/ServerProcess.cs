using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Jixiao.Web.Tests;

/// <summary>The real server (src/Jixiao.Web's build output) as a child process on a loopback port: for crash and load tests.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    public Uri BaseAddress { get; }
    public int Pid => _process.Id;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static string WebDll
    {
        get
        {
            var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var dll = Path.Combine(dir.FullName, "src", "Jixiao.Web", "bin", config, "net10.0", "Jixiao.Web.dll");
                if (File.Exists(dll)) return dll;
            }
            throw new FileNotFoundException("找不到 Jixiao.Web.dll（先构建 src/Jixiao.Web）。");
        }
    }

    public static async Task<ServerProcess> StartAsync(string dataDir, string? db, TimeSpan? timeout = null)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDir };
        foreach (var a in new[] { WebDll, "--urls", url, "--data", dataDir }) psi.ArgumentList.Add(a);
        if (db is not null) { psi.ArgumentList.Add("--db"); psi.ArgumentList.Add(db); }
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Jixiao__AdminPassword"] = JixiaoFactory.Password;
        psi.Environment["Jixiao__SeedPath"] = Path.Combine(dataDir, "no-seeds");
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var server = new ServerProcess(p, new Uri(url));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (DateTime.UtcNow < deadline)
        {
            if (p.HasExited) throw new InvalidOperationException($"服务器进程退出（{p.ExitCode}）");
            try
            {
                if ((await http.GetAsync(new Uri(server.BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        server.Kill();
        throw new TimeoutException("服务器没有在规定时间内就绪");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no disposing.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(30_000);
    }

    /// <summary>Resident memory of the server process, in bytes (/proc).</summary>
    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>A cookie client logged in through the real login form.</summary>
    public async Task<HttpClient> LoginAsync(string user)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var page = await client.GetStringAsync("/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var r = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = user,
            ["password"] = JixiaoFactory.Password,
            ["returnUrl"] = "/documents",
        }));
        if (r.StatusCode != HttpStatusCode.Redirect || r.Headers.Location?.ToString().Contains("error", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"{user} 登录失败：{(int)r.StatusCode} {r.Headers.Location}");
        return client;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
