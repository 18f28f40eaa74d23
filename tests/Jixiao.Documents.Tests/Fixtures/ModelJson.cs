using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>Canonical JSON of a document with provenance (SourceRefs) and ids stripped: what a round trip must preserve.</summary>
public static class ModelJson
{
    private static readonly HashSet<string> Provenance =
        ["at", "source", "declaredUnitAt", "goalsAt", "remarksAt", "statedGradeAt", "id", "tableIds"];

    public static string Stripped(Document d)
    {
        var node = JsonNode.Parse(CanonicalJson.Serialize<Document>(d))!;
        Strip(node);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).ToList())
                    if (Provenance.Contains(key)) o.Remove(key);
                    else Strip(o[key]);
                break;
            case JsonArray a:
                foreach (var item in a) Strip(item);
                break;
        }
    }

    /// <summary>Asserts equality and, on failure, shows the first differing line.</summary>
    public static void AssertSame(Document expected, Document actual)
    {
        var e = Stripped(expected).Split('\n');
        var a = Stripped(actual).Split('\n');
        for (var i = 0; i < Math.Min(e.Length, a.Length); i++)
            if (e[i] != a[i])
                Assert.Fail($"line {i + 1}:\n expected: {e[i].Trim()}\n actual:   {a[i].Trim()}\n context: {string.Join("\n", e.Skip(Math.Max(0, i - 6)).Take(8))}");
        Assert.Equal(e.Length, a.Length);
    }
}
