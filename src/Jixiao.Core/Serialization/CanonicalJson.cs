using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Jixiao.Core.Model;

namespace Jixiao.Core.Serialization;

/// <summary>
/// The canonical JSON form of documents — the same in the CLI, the API, exports and storage. Versioned by
/// <see cref="Schema"/>; a document is an object whose "kind" names its type. Property names are camelCase,
/// nulls are left out, enums are kebab-case strings, money stays decimal.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The schema version written in every envelope. Bump it when a field changes meaning.</summary>
    public const string Schema = "jixiao/1";

    /// <summary>Every document type and its "kind" name. A new document type is registered here, once.</summary>
    private static readonly (Type Type, DocumentKind Kind)[] DocumentTypes =
    [
        (typeof(CoverLetter), DocumentKind.CoverLetter),
        (typeof(SelfEvaluationReport), DocumentKind.SelfEvaluationReport),
        (typeof(TransferSelfEvaluation), DocumentKind.TransferSelfEvaluation),
        (typeof(ProjectSelfEvaluation), DocumentKind.ProjectSelfEvaluation),
        (typeof(DepartmentSelfEvaluation), DocumentKind.DepartmentSelfEvaluation),
    ];

    private static readonly List<(Type Type, string Name)> Extra = [];

    /// <summary>Registers a document type defined outside this file (e.g. final accounts). Call before the first use of <see cref="Options"/>.</summary>
    public static void Register<T>(DocumentKind kind) where T : Document
    {
        lock (Extra)
        {
            if (!Extra.Exists(e => e.Type == typeof(T))) Extra.Add((typeof(T), kind.JsonName()));
        }
    }

    public static JsonSerializerOptions Options => LazyOptions.Value;

    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(Build);

    private static JsonSerializerOptions Build()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type == typeof(Document) || info.Type == typeof(SelfEvaluationTable) || info.Type == typeof(ProjectSelfEvaluation))
            {
                info.PolymorphismOptions = new JsonPolymorphismOptions
                {
                    TypeDiscriminatorPropertyName = "kind",
                    IgnoreUnrecognizedTypeDiscriminators = false,
                    UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
                };
                foreach (var (type, kind) in DocumentTypes)
                    if (info.Type.IsAssignableFrom(type) && type != info.Type)
                        info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, kind.JsonName()));
                lock (Extra)
                    foreach (var (type, name) in Extra)
                        if (info.Type.IsAssignableFrom(type) && type != info.Type)
                            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
                if (info.Type == typeof(ProjectSelfEvaluation))
                {
                    // ProjectSelfEvaluation is concrete and also a base: it needs its own discriminator.
                    info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(typeof(ProjectSelfEvaluation), DocumentKind.ProjectSelfEvaluation.JsonName()));
                }
            }
            // Computed, read-only properties (Figure.IsBlank, IndicatorRow.EffectiveTarget, TotalFund…) are views of
            // the data, not data: they are not written, so the JSON holds each fact once.
            if (info.Kind == JsonTypeInfoKind.Object && info.Type.Assembly == typeof(Document).Assembly)
            {
                for (var i = info.Properties.Count - 1; i >= 0; i--)
                {
                    var prop = info.Properties[i];
                    if (prop.Set is null && !IsCollection(prop.PropertyType)) info.Properties.RemoveAt(i);
                }
            }
            // "kind" is written by the discriminator; the computed property would duplicate it.
            if (typeof(Document).IsAssignableFrom(info.Type) && info.Kind == JsonTypeInfoKind.Object)
            {
                for (var i = info.Properties.Count - 1; i >= 0; i--)
                    if (info.Properties[i].Name == "kind") info.Properties.RemoveAt(i);
            }
        });
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
            RespectNullableAnnotations = false,
        };
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }

    private static bool IsCollection(Type t) => t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>A deep copy of a document: what its canonical JSON reads back to.</summary>
    public static T Copy<T>(T document) where T : Document => (T)Deserialize<Document>(Serialize<Document>(document))!;

    public static string SerializeDocuments(IEnumerable<Document> documents) =>
        JsonSerializer.Serialize(new DocumentEnvelope { Documents = documents.ToList() }, Options);

    /// <summary>Reads an envelope written by <see cref="SerializeDocuments"/>; throws <see cref="FormatException"/> with a Chinese message on anything else.</summary>
    public static DocumentEnvelope DeserializeDocuments(string json)
    {
        DocumentEnvelope? env;
        try
        {
            env = JsonSerializer.Deserialize<DocumentEnvelope>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"不是有效的 Jixiao JSON：{e.Message}", e);
        }
        if (env is null) throw new FormatException("不是有效的 Jixiao JSON：内容为空。");
        if (env.Schema != Schema) throw new FormatException($"不支持的 JSON 版本“{env.Schema}”，本程序读取“{Schema}”。");
        return env;
    }
}

/// <summary>The top-level object of canonical JSON: the schema version and the documents.</summary>
public sealed class DocumentEnvelope
{
    public string Schema { get; set; } = CanonicalJson.Schema;
    public List<Document> Documents { get; set; } = [];
}
