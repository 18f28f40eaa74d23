using Jixiao.Core.Model;
using Jixiao.Core.Rules;

namespace Jixiao.Core.Checks;

/// <summary>Checks a set of documents (one file or one bundle) by a rule set.</summary>
public static class Engine
{
    public static CheckReport Check(IReadOnlyList<Document> documents, RuleSet ruleSet) =>
        throw new NotSupportedException("检查引擎正在实现中。");
}
