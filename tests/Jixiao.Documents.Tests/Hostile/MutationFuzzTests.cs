using System.Text;
using Jixiao.Core.Indicators;
using Jixiao.Documents.Export;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>
/// The short, deterministic fuzz run of the suite (the long coverage-guided one is bench/fuzz/run.sh): a few
/// thousand inputs mutated from the seeds (texts, an xlsx written from a seed model, a PDF) through
/// <see cref="DocumentReaders"/>, and mutated indicator values through the parser and the judge. The only
/// exception allowed is <see cref="UnreadableFileException"/>; a hang fails after a generous timeout.
/// </summary>
public class MutationFuzzTests
{
    private static readonly byte[][] Tokens =
    [
        .. new[] { "\t", "|", "%", "≥", "≤", "万元", "#DIV/0!", "（A）", "合计", "年度资金总额", "一、", "绩效自评表", "\n", "\r\n", "-", ".", "1,000.00", "\"schema\"", "{", "}" }.Select(Encoding.UTF8.GetBytes),
        "PK\u0003\u0004"u8.ToArray(), "%PDF-1.4\n"u8.ToArray(), [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xD6, 0xD0], [0x00], [0xFF],
    ];

    private static byte[] Mutate(byte[] input, Random rng)
    {
        var b = new List<byte>(input);
        var rounds = 1 + rng.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            if (b.Count == 0) { b.AddRange(Tokens[rng.Next(Tokens.Length)]); continue; }
            var at = rng.Next(b.Count);
            switch (rng.Next(7))
            {
                case 0: b[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1: b[at] = (byte)rng.Next(256); break;
                case 2: b.RemoveRange(at, Math.Min(b.Count - at, 1 + rng.Next(64))); break;
                case 3: b.InsertRange(at, Tokens[rng.Next(Tokens.Length)]); break;
                case 4:
                    var len = Math.Min(b.Count - at, 1 + rng.Next(256));
                    b.InsertRange(rng.Next(b.Count), b.GetRange(at, len));
                    break;
                case 5: b.RemoveRange(at, b.Count - at); break; // truncate
                default:
                    var n = 1 + rng.Next(8);
                    for (var i = 0; i < n && at + i < b.Count; i++) b[at + i] = (byte)rng.Next(256);
                    break;
            }
        }
        return [.. b];
    }

    public static IEnumerable<(string Name, byte[] Bytes)> Corpus()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i += 60)
                yield return ($"{Path.GetFileNameWithoutExtension(file)}-{i}.txt", Encoding.UTF8.GetBytes(string.Join("\n", lines.Skip(i).Take(60))));
        }
        yield return ("seed.xlsx", TableXlsxWriter.Write(SeedModels.Employment000()));
        yield return ("small.xlsx", HostileFiles.MinimalXlsx([["项目支出绩效自评表"], ["年度资金总额", "100", "96.21"]]));
        yield return ("scan.pdf", HostileFiles.PdfNoText());
        yield return ("hello.pdf", HostileFiles.PdfBrokenXref());
    }

    [Fact]
    public async Task Mutated_seeds_never_raise_anything_but_unreadable_file()
    {
        var rng = new Random(20261123);
        var corpus = Corpus().ToList();
        var failures = new List<string>();
        var cases = 0;
        var run = Task.Run(() =>
        {
            foreach (var (name, bytes) in corpus)
            {
                // Big inputs (the xlsx) fewer times: the run stays a few thousand cases in well under a minute.
                var n = bytes.Length > 20_000 ? 150 : 60;
                for (var i = 0; i < n; i++)
                {
                    var input = Mutate(bytes, rng);
                    cases++;
                    try { DocumentReaders.Read(name, new MemoryStream(input, writable: false)); }
                    catch (UnreadableFileException e) when (!e.IsReaderFault) { }
                    catch (Exception e)
                    {
                        if (e is UnreadableFileException { InnerException: { } inner }) e = inner;
                        failures.Add($"{name} #{i}：{e.GetType().Name}：{e.Message}");
                        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"jixiao-fuzz-{name}-{i}.bin"), input);
                    }
                }
            }
        });
        var done = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(10)));
        Assert.True(done == run, "变异输入的读取没有在 10 分钟内结束（疑似死循环）");
        await run;
        Assert.True(cases >= 2000, $"只跑了 {cases} 个");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Mutated_indicator_values_never_throw()
    {
        var rng = new Random(8);
        string[] values = ["≥95%", "96.21%", "≤3天", "2天", "1,000人", "≥3.2万人次", "好", "较好", "显著提升", "2023年12月31日前", "100%", "≥90分", "按时完成", "0.5亿元", "元/人/月", "≥10000户"];
        for (var i = 0; i < 5000; i++)
        {
            var t = Encoding.UTF8.GetString(Mutate(Encoding.UTF8.GetBytes(values[rng.Next(values.Length)]), rng));
            var a = Encoding.UTF8.GetString(Mutate(Encoding.UTF8.GetBytes(values[rng.Next(values.Length)]), rng));
            IndicatorParser.Parse(t);
            IndicatorJudge.Judge(t, a);
        }
    }
}
