using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Jixiao.Load;

/// <summary>
/// Mixed load on a running Jixiao server: each virtual user logs in, imports a seed once to own a document, then
/// loops — 70 % reads (list, one document, its findings), 20 % edits of its own document (GET → PUT with the
/// revision, so a 409 would be a real lost-update bug), 10 % imports. Any non-success answer or exception is an error.
/// </summary>
public sealed class LoadRun(Uri server, string[] users, string password, byte[] seed, string seedName)
{
    public sealed record Result(int Users, TimeSpan Duration, long Requests, long Errors, IReadOnlyDictionary<string, long> ByKind,
        IReadOnlyDictionary<string, double> P95Ms, IReadOnlyList<string> FirstErrors)
    {
        public string Describe() =>
            $"{Users} 个并发用户 × {Duration.TotalSeconds:0} 秒：{Requests} 个请求（{Requests / Duration.TotalSeconds:0.0}/秒），错误 {Errors}；" +
            string.Join("，", ByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}（p95 {P95Ms.GetValueOrDefault(k.Key):0} ms）"));
    }

    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latency = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private long _requests;
    private long _errorCount;

    public async Task<Result> RunAsync(int userCount, TimeSpan duration, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var end = DateTime.UtcNow + duration;
        var tasks = Enumerable.Range(0, userCount).Select(i => UserAsync(i, end, ct)).ToList();
        await Task.WhenAll(tasks);
        clock.Stop();
        var p95 = _latency.ToDictionary(k => k.Key, k =>
        {
            var sorted = k.Value.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * 0.95) - 1)];
        });
        return new Result(userCount, clock.Elapsed, _requests, _errorCount, _latency.ToDictionary(k => k.Key, k => (long)k.Value.Count), p95, _errors.Take(20).ToList());
    }

    private async Task UserAsync(int index, DateTime end, CancellationToken ct)
    {
        var rng = new Random(index);
        HttpClient client;
        try
        {
            client = await LoginAsync(users[index % users.Length], ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            Error("login", e.Message);
            return;
        }
        using (client)
        {
            var own = await ImportAsync(client, ct);
            while (DateTime.UtcNow < end && !ct.IsCancellationRequested)
            {
                var roll = rng.Next(100);
                if (roll < 70) await ReadAsync(client, rng, own, ct);
                else if (roll < 90 && own is { } id) await EditAsync(client, id, rng, ct);
                else await ImportAsync(client, ct);
            }
        }
    }

    private async Task<HttpClient> LoginAsync(string user, CancellationToken ct)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        var page = await client.GetStringAsync("/login", ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var r = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = user,
            ["password"] = password,
            ["returnUrl"] = "/documents",
        }), ct);
        if (r.StatusCode != HttpStatusCode.Redirect || r.Headers.Location?.ToString().Contains("error", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"{user} 登录失败");
        return client;
    }

    private async Task<Guid?> ImportAsync(HttpClient client, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(seed), "file", seedName } };
        var body = await SendAsync("import", () => client.PostAsync("/api/v1/imports", form, ct), HttpStatusCode.Created);
        if (body is null) return null;
        var doc = JsonNode.Parse(body)!["documents"]!.AsArray().Select(d => d!["document"]!).FirstOrDefault(d => (string?)d["kind"] == "transfer-self-evaluation");
        return doc is null ? null : Guid.Parse((string)doc["id"]!);
    }

    private async Task ReadAsync(HttpClient client, Random rng, Guid? own, CancellationToken ct)
    {
        switch (rng.Next(3))
        {
            case 0:
                await SendAsync("list", () => client.GetAsync($"/api/v1/documents?pageSize=20&page={1 + rng.Next(3)}", ct), HttpStatusCode.OK);
                break;
            case 1 when own is { } id:
                await SendAsync("get", () => client.GetAsync($"/api/v1/documents/{id}", ct), HttpStatusCode.OK);
                break;
            default:
                if (own is { } f) await SendAsync("findings", () => client.GetAsync($"/api/v1/documents/{f}/findings", ct), HttpStatusCode.OK);
                else await SendAsync("list", () => client.GetAsync("/api/v1/documents?pageSize=20", ct), HttpStatusCode.OK);
                break;
        }
    }

    private async Task EditAsync(HttpClient client, Guid id, Random rng, CancellationToken ct)
    {
        var text = await SendAsync("get", () => client.GetAsync($"/api/v1/documents/{id}", ct), HttpStatusCode.OK);
        if (text is null) return;
        var current = JsonNode.Parse(text)!;
        var content = current["content"]!.DeepClone();
        content["title"] = $"负载测试文档 {rng.Next(1000)}";
        var body = new JsonObject { ["revision"] = (int)current["revision"]!, ["content"] = content };
        await SendAsync("edit", () => client.PutAsync($"/api/v1/documents/{id}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct), HttpStatusCode.OK);
    }

    private async Task<string?> SendAsync(string kind, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        Interlocked.Increment(ref _requests);
        try
        {
            using var r = await send();
            var body = await r.Content.ReadAsStringAsync();
            clock.Stop();
            _latency.GetOrAdd(kind, _ => []).Add(clock.Elapsed.TotalMilliseconds);
            if (r.StatusCode != expected)
            {
                Error(kind, $"{(int)r.StatusCode} {body[..Math.Min(200, body.Length)]}");
                return null;
            }
            return body;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Error(kind, e.GetType().Name + " " + e.Message);
            return null;
        }
    }

    private void Error(string kind, string what)
    {
        Interlocked.Increment(ref _errorCount);
        if (_errors.Count < 50) _errors.Enqueue($"{kind}: {what}");
    }
}
