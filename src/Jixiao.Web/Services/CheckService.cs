using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Rules;
using Jixiao.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Services;

/// <summary>Runs the check engine with the configured rule set.</summary>
public sealed class CheckService(IOptions<JixiaoOptions> options)
{
    public RuleSet RuleSet { get; } = RuleSet.BuiltIn.TryGetValue(options.Value.RuleSet, out var set) ? set : RuleSet.Default;

    public CheckReport Check(IReadOnlyList<Document> documents) => Engine.Check(documents, RuleSet);

    public CheckReport Check(Document document) => Engine.Check([document], RuleSet);
}
