using Jixiao.Core.Checks;
using Jixiao.Tests;

namespace Jixiao.Core.Tests;

public class RuleCatalogDocsTests
{
    [Fact]
    public void Docs_rules_md_lists_every_rule_of_the_catalogue()
    {
        Engine.Check([], Jixiao.Core.Rules.RuleSet.Default); // lets other modules register their rules
        var path = Path.Combine(RepoPaths.Root, "docs", "rules.md");
        var expected = RuleCatalogDocs.Render();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), "docs/rules.md 不存在：运行 UPDATE_DOCS=1 dotnet test tests/Jixiao.Core.Tests --filter RuleCatalogDocsTests 生成。");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
