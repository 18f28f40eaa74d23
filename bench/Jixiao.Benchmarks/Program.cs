using System.Globalization;
using BenchmarkDotNet.Running;
using Jixiao.Benchmarks;

// jixiao-bench throughput [--tables N] [--seed S] [--batch B] [--threads T] [--warmup W]   whole-corpus check + score
// jixiao-bench read-xlsx DIR                                                              read a folder of xlsx
// jixiao-bench read-xlsx DIR --stages [--rounds N]                                        … and where its time goes, stage by stage
// jixiao-bench write [--tables N] [--seed S] [--out DIR]                                  write xlsx + docx
// jixiao-bench [BenchmarkDotNet arguments, e.g. --filter '*Indicator*']                   the micro-benchmarks
if (args.Length > 0 && args[0] is "throughput" or "read-xlsx" or "write")
{
    long tables = args[0] == "write" ? 1000 : 100_000;
    var seed = 1;
    var batch = 4096;
    var threads = Environment.ProcessorCount;
    long warmup = 20_000;
    string? dir = null;
    var stages = false;
    var rounds = 5;
    for (var i = 1; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--tables": tables = long.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--batch": batch = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--warmup": warmup = long.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--out": dir = Next(); break;
            case "--stages": stages = true; break;
            case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            default: dir = args[i]; break;
        }
    }
    return args[0] switch
    {
        "throughput" => Throughput.CheckAndScore(tables, seed, batch, threads, warmup),
        "read-xlsx" when stages => Throughput.ReadXlsxStages(dir ?? throw new ArgumentException("read-xlsx needs a folder"), rounds),
        "read-xlsx" => Throughput.ReadXlsx(dir ?? throw new ArgumentException("read-xlsx needs a folder")),
        _ => Throughput.Write(tables, seed, dir),
    };
}
BenchmarkSwitcher.FromAssembly(typeof(Throughput).Assembly).Run(args);
return 0;
