using System.Text;
using Jixiao.Core.Indicators;
using Jixiao.Documents.Reading;
using SharpFuzz;

// AFL++ target (SharpFuzz, out of process): `dotnet Jixiao.Fuzz.dll readers|indicators`.
// Any exception other than UnreadableFileException escapes and AFL records it as a crash.
var target = args.Length > 0 ? args[0] : "readers";
switch (target)
{
    case "corpus" when args.Length == 3:
        Corpus.Write(args[1], args[2]);
        break;
    case "readers":
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            var bytes = ms.ToArray();
            // The first byte picks the name the file arrives under, so extension-driven paths are fuzzed too.
            string[] names = ["a.txt", "a.xlsx", "a.pdf", "a.json", "a.md", "a.docx", "a"];
            var name = bytes.Length > 0 ? names[bytes[0] % names.Length] : "a.txt";
            try
            {
                DocumentReaders.Read(name, new MemoryStream(bytes, writable: false));
            }
            catch (UnreadableFileException e) when (!e.IsReaderFault)
            {
            }
            catch (UnreadableFileException e)
            {
                // The safety net caught a reader bug: a crash for AFL.
                throw new InvalidOperationException("reader fault", e.InnerException);
            }
        });
        break;
    case "indicators":
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            var split = text.IndexOf('\n');
            var (t, a) = split < 0 ? (text, text) : (text[..split], text[(split + 1)..]);
            IndicatorParser.Parse(t);
            IndicatorJudge.Judge(t, a);
        });
        break;
    default:
        Console.Error.WriteLine("用法：Jixiao.Fuzz readers|indicators");
        return 2;
}
return 0;

/// <summary>The starting corpus: small inputs reach deep code fastest under AFL.</summary>
internal static class Corpus
{
    public static void Write(string dir, string seeds)
    {
        var readers = Directory.CreateDirectory(Path.Combine(dir, "readers")).FullName;
        var indicators = Directory.CreateDirectory(Path.Combine(dir, "indicators")).FullName;
        var n = 0;
        foreach (var file in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            // Windows of 40 lines (a table header, fund rows, indicator rows), prefixed by the name byte 0 (.txt).
            for (var i = 0; i < lines.Length; i += 120)
            {
                var text = string.Join("\n", lines.Skip(i).Take(40));
                File.WriteAllBytes(Path.Combine(readers, $"seed{n++:D3}"), [0, .. Encoding.UTF8.GetBytes(text)]);
            }
            foreach (var l in lines.Where(l => l.Contains('%') || l.Contains('≥') || l.Contains('≤')).Take(10))
            {
                var cells = l.Split('\t', '|').Where(c => c.Trim().Length is > 0 and < 40).ToArray();
                if (cells.Length >= 2) File.WriteAllText(Path.Combine(indicators, $"ind{n++:D3}"), cells[^2].Trim() + "\n" + cells[^1].Trim());
            }
        }
        File.WriteAllBytes(Path.Combine(readers, "xlsx"), [1, .. MinimalXlsx()]);
        File.WriteAllBytes(Path.Combine(readers, "pdf"), [2, .. Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj 4 0 obj<</Length 30>>stream\nBT /F1 12 Tf 10 10 Td (x) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF")]);
        File.WriteAllBytes(Path.Combine(readers, "json"), [3, .. Encoding.UTF8.GetBytes("{\"schema\":\"jixiao/1\",\"documents\":[{\"kind\":\"transfer-self-evaluation\",\"title\":\"t\"}]}")]);
        foreach (var (i, t) in new[] { "≥95%\n96.5%", "≤3天\n2天", "1000人\n1,200人", "好\n较好", "2023年12月31日前\n2023年11月", "显著提升\n有所提升", "≥3.2万人次\n3万人次" }.Index())
            File.WriteAllText(Path.Combine(indicators, $"hand{i}"), t);
        Console.WriteLine($"语料：{Directory.GetFiles(readers).Length} 个读取样本，{Directory.GetFiles(indicators).Length} 个指标样本");
    }

    private static byte[] MinimalXlsx()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            Add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Add("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Add("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目支出绩效自评表</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>年度资金总额</t></is></c><c r=\"B2\"><v>100</v></c><c r=\"C2\"><v>96.21</v></c></row></sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells></worksheet>");
        }
        return ms.ToArray();
    }
}
