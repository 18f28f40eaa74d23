using System.Diagnostics;
using System.Globalization;
using Jixiao.Bench.Generator;

// jixiao-gen OUT_DIR [--count N] [--start N] [--seed N] [--format json,text,xlsx] [--per-file N] [--project-share 0.5] [--defect-share 0.35]
// Writes generated self-evaluation tables, one file per table and format. Same seed, same files.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("用法：jixiao-gen 输出目录 [--count N] [--start N] [--seed N] [--format json,text,xlsx] [--per-file N（JSON 合集）] [--project-share 0.5] [--defect-share 0.35] [--threads N]");
    return args.Length == 0 ? 2 : 0;
}
var dir = args[0];
long count = 1000, start = 0;
var seed = 1;
var threads = Environment.ProcessorCount;
var formats = new List<CorpusFormat> { CorpusFormat.Json };
var options = new GeneratorOptions();
var perFile = 1;
for (var i = 1; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} 缺少取值");
    switch (args[i])
    {
        case "--count": count = long.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--start": start = long.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--per-file": perFile = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--project-share": options = options with { ProjectShare = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--defect-share": options = options with { DefectShare = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--format":
            formats = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => f switch
                {
                    "json" => CorpusFormat.Json,
                    "text" or "txt" => CorpusFormat.Text,
                    "xlsx" => CorpusFormat.Xlsx,
                    _ => throw new ArgumentException($"未知格式“{f}”（json、text、xlsx）"),
                }).ToList();
            break;
        default:
            Console.Error.WriteLine($"jixiao-gen：未知参数“{args[i]}”");
            return 2;
    }
}
options = options with { Seed = seed };
if (formats.Contains(CorpusFormat.Xlsx) && Corpus.XlsxUnavailable() is { } why)
{
    Console.Error.WriteLine($"jixiao-gen：无法生成 xlsx（{why}）。xlsx 写入器合并后即可生成；本次跳过 xlsx。");
    formats.Remove(CorpusFormat.Xlsx);
    if (formats.Count == 0) return 3;
}
var sw = Stopwatch.StartNew();
if (perFile > 1)
{
    if (formats is not [CorpusFormat.Json]) throw new ArgumentException("--per-file 只适用于 --format json");
    var size = Corpus.WriteBundles(dir, options with { Seed = seed }, start, count, perFile, threads);
    Console.Error.WriteLine($"jixiao-gen：{count} 张表，每个文件 {perFile} 张，{size / 1024.0 / 1024.0:0.0} MB，用时 {sw.Elapsed.TotalSeconds:0.0} 秒 → {dir}");
    return 0;
}
var bytes = Corpus.Write(dir, options, start, count, formats, threads,
    n => Console.Error.WriteLine($"jixiao-gen：已生成 {n}/{count}"));
Console.Error.WriteLine($"jixiao-gen：{count} 张表 × {formats.Count} 种格式，{bytes / 1024.0 / 1024.0:0.0} MB，用时 {sw.Elapsed.TotalSeconds:0.0} 秒 → {dir}");
return 0;
