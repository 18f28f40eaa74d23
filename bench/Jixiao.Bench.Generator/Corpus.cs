using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;
using Jixiao.Documents.Export;

namespace Jixiao.Bench.Generator;

public enum CorpusFormat
{
    /// <summary>Canonical JSON envelope, one table per file (.json).</summary>
    Json,
    /// <summary>Tab-separated text in the seed layouts (.txt).</summary>
    Text,
    /// <summary>The official xlsx layout, through <see cref="DocumentExporter"/> (.xlsx), when the writers are present.</summary>
    Xlsx,
}

/// <summary>Writes generated tables as files and compares models without their provenance.</summary>
public static class Corpus
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Extension(CorpusFormat format) => format switch
    {
        CorpusFormat.Json => ".json",
        CorpusFormat.Text => ".txt",
        _ => ".xlsx",
    };

    public static byte[] Render(SelfEvaluationTable table, CorpusFormat format) => format switch
    {
        CorpusFormat.Json => Utf8.GetBytes(CanonicalJson.SerializeDocuments([table])),
        CorpusFormat.Text => Utf8.GetBytes(TextLayouts.Write(table)),
        _ => DocumentExporter.Export(table, ExportFormat.Xlsx).Content,
    };

    /// <summary>
    /// Writes tables [start, start+count) as canonical JSON envelopes of <paramref name="perFile"/> tables each
    /// (a unit's or a county's bundle; also what the web API's import takes in one upload), in parallel.
    /// </summary>
    public static long WriteBundles(string dir, GeneratorOptions options, long start, long count, int perFile, int parallelism)
    {
        Directory.CreateDirectory(dir);
        var generator = new TableGenerator(options);
        long bytes = 0;
        var files = (count + perFile - 1) / perFile;
        Parallel.For(0, files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, f =>
        {
            var first = start + f * perFile;
            var n = (int)Math.Min(perFile, start + count - first);
            var content = Utf8.GetBytes(CanonicalJson.SerializeDocuments(generator.Generate(first, n).Select(g => (Document)g.Table)));
            File.WriteAllBytes(Path.Combine(dir, $"bundle-{first:D7}.json"), content);
            Interlocked.Add(ref bytes, content.Length);
        });
        return bytes;
    }

    /// <summary>Null when xlsx can be written here; otherwise why not (the writers are not merged yet).</summary>
    public static string? XlsxUnavailable()
    {
        try
        {
            var probe = new TableGenerator(new GeneratorOptions { Seed = 1 }).Generate(0).Table;
            var bytes = Render(probe, CorpusFormat.Xlsx);
            return bytes.Length > 0 ? null : "导出的 xlsx 为空";
        }
        catch (Exception e) when (e is NotSupportedException or NotImplementedException)
        {
            return e.Message;
        }
    }

    /// <summary>Writes tables [start, start+count) into <paramref name="dir"/>, one file per table and format, in parallel.</summary>
    public static long Write(string dir, GeneratorOptions options, long start, long count, IReadOnlyList<CorpusFormat> formats, int parallelism, Action<long>? progress = null)
    {
        Directory.CreateDirectory(dir);
        var generator = new TableGenerator(options);
        long bytes = 0;
        long done = 0;
        Parallel.For(start, start + count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            var g = generator.Generate(i);
            foreach (var f in formats)
            {
                var content = Render(g.Table, f);
                File.WriteAllBytes(Path.Combine(dir, g.FileStem + Extension(f)), content);
                Interlocked.Add(ref bytes, content.Length);
            }
            var n = Interlocked.Increment(ref done);
            if (progress is not null && n % 1000 == 0) progress(n);
        });
        return bytes;
    }

    /// <summary>Property names that say where something came from, or name it within one import: not part of the content.</summary>
    private static readonly HashSet<string> Provenance = ["at", "source", "declaredUnitAt", "goalsAt", "remarksAt", "statedGradeAt", "id"];

    /// <summary>
    /// The canonical JSON of a document with provenance (source references, ids) removed, so that a table read
    /// back from text can be compared with the one generated. <paramref name="withoutUnit"/> also drops the
    /// unit fields, which the Shanxi appendix layout does not carry (they come from the bundle's letter or disclosure).
    /// </summary>
    public static string Content(Document doc, bool withoutUnit = false)
    {
        var node = JsonNode.Parse(CanonicalJson.Serialize<Document>(doc))!;
        Strip(node, withoutUnit);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void Strip(JsonNode? node, bool withoutUnit)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (Provenance.Contains(key) || withoutUnit && key is "unit" or "implementingUnit") o.Remove(key);
                    else Strip(o[key], withoutUnit);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Strip(item, withoutUnit);
                break;
        }
    }
}
