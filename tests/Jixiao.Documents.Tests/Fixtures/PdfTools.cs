using System.Diagnostics;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>poppler-utils in tests: text of a PDF (pdftotext), its page count (pdfinfo), a PNG of a page (pdftoppm).</summary>
public static class PdfTools
{
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Jixiao.slnx"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    public static string Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException(exe); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} exit {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string Temp(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    public static string Text(byte[] pdf)
    {
        var path = Temp(pdf);
        try { return Run("pdftotext", "-enc", "UTF-8", path, "-"); }
        finally { File.Delete(path); }
    }

    public static int Pages(byte[] pdf)
    {
        var path = Temp(pdf);
        try
        {
            var info = Run("pdfinfo", path);
            var line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally { File.Delete(path); }
    }

    public static string Fonts(byte[] pdf)
    {
        var path = Temp(pdf);
        try { return Run("pdffonts", path); }
        finally { File.Delete(path); }
    }

    /// <summary>Renders page 1 to docs/images/{name}.png and returns the path.</summary>
    public static string SavePng(byte[] pdf, string name, int dpi = 80)
    {
        var path = Temp(pdf);
        try
        {
            var dir = Path.Combine(RepoRoot, "docs", "images");
            Directory.CreateDirectory(dir);
            var stem = Path.Combine(dir, name);
            Run("pdftoppm", "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", path, stem);
            return stem + ".png";
        }
        finally { File.Delete(path); }
    }

    /// <summary>pdftotext output with white space removed, for finding Chinese phrases that wrap.</summary>
    public static string Compact(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
