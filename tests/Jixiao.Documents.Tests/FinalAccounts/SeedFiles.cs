namespace Jixiao.Documents.Tests.FinalAccounts;

/// <summary>Locates the seed files in testdata/ from the test's working directory.</summary>
internal static class SeedFiles
{
    public const string FenyangName = "004_a282273b1331087d.txt";

    public static string Path(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "testdata", "seeds", name);
            if (File.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        throw new FileNotFoundException($"测试数据 {name} 未找到。");
    }

    public static string[] Lines(string name) => File.ReadAllLines(Path(name));
}
