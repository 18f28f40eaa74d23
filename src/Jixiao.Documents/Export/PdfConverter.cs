using System.Diagnostics;
using System.Text;

namespace Jixiao.Documents.Export;

/// <summary>PDF output is not possible here: LibreOffice (or Chromium) is missing or failed. The message is Chinese.</summary>
public sealed class PdfConversionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Converts the .xlsx/.docx the writers produce to PDF with LibreOffice headless (the route chosen by measurement,
/// docs/documents-out.md), with a private profile per call and a fontconfig file that maps the Chinese font names
/// the documents use (宋体, 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体) to the CJK fonts installed on Linux, so
/// the PDF embeds a real CJK font (no tofu) with SC glyph forms. Chromium from HTML is kept for comparison.
/// </summary>
public static class PdfConverter
{
    /// <summary>The LibreOffice executable: $JIXIAO_LIBREOFFICE, else soffice/libreoffice on PATH.</summary>
    public static string? FindLibreOffice() =>
        Environment.GetEnvironmentVariable("JIXIAO_LIBREOFFICE") is { Length: > 0 } env && File.Exists(env)
            ? env
            : FindOnPath("soffice") ?? FindOnPath("libreoffice");

    /// <summary>The Chromium executable: $JIXIAO_CHROMIUM, else chromium/chromium-browser on PATH.</summary>
    public static string? FindChromium() =>
        Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") is { Length: > 0 } env && File.Exists(env)
            ? env
            : FindOnPath("chromium") ?? FindOnPath("chromium-browser") ?? FindOnPath("google-chrome");

    public static bool IsAvailable => FindLibreOffice() is not null;

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var p = Path.Combine(dir, name);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>The fontconfig aliases: the names Chinese official documents use → fonts installed on Debian (fonts-noto-cjk, fonts-wqy-zenhei).</summary>
    internal const string FontsConf = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
          <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>FangSong</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>楷体_GB2312</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>楷体</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
          <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
        </fontconfig>
        """;

    /// <summary>Converts an .xlsx or .docx (given as bytes) to PDF. Throws <see cref="PdfConversionException"/> with a Chinese message.</summary>
    public static byte[] FromOffice(byte[] content, string extension, TimeSpan? timeout = null)
    {
        var soffice = FindLibreOffice()
            ?? throw new PdfConversionException("无法生成 PDF：未找到 LibreOffice（请安装 libreoffice-writer-nogui 和 libreoffice-calc-nogui）。");
        var work = Directory.CreateTempSubdirectory("jixiao-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "document" + extension);
            File.WriteAllBytes(input, content);
            var profile = Path.Combine(work.FullName, "profile");
            var fonts = Path.Combine(work.FullName, "fonts.conf");
            File.WriteAllText(fonts, FontsConf, new UTF8Encoding(false));
            var psi = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = work.FullName,
            };
            psi.ArgumentList.Add("--headless");
            psi.ArgumentList.Add("--norestore");
            psi.ArgumentList.Add($"-env:UserInstallation=file://{profile}");
            psi.ArgumentList.Add("--convert-to");
            psi.ArgumentList.Add("pdf");
            psi.ArgumentList.Add("--outdir");
            psi.ArgumentList.Add(work.FullName);
            psi.ArgumentList.Add(input);
            psi.Environment["FONTCONFIG_FILE"] = fonts;
            psi.Environment["HOME"] = work.FullName;
            Run(psi, timeout ?? TimeSpan.FromSeconds(180), "LibreOffice");
            var output = Path.Combine(work.FullName, "document.pdf");
            if (!File.Exists(output)) throw new PdfConversionException("无法生成 PDF：LibreOffice 没有输出文件。");
            return File.ReadAllBytes(output);
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>HTML to PDF with headless Chromium (the route measured against LibreOffice; see docs/documents-out.md).</summary>
    public static byte[] FromHtml(string html, TimeSpan? timeout = null)
    {
        var chromium = FindChromium() ?? throw new PdfConversionException("无法生成 PDF：未找到 Chromium。");
        var work = Directory.CreateTempSubdirectory("jixiao-html-");
        try
        {
            var input = Path.Combine(work.FullName, "document.html");
            File.WriteAllText(input, html, new UTF8Encoding(false));
            var output = Path.Combine(work.FullName, "document.pdf");
            var psi = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}", "--no-pdf-header-footer",
                $"--print-to-pdf={output}", "file://" + input })
                psi.ArgumentList.Add(a);
            Run(psi, timeout ?? TimeSpan.FromSeconds(120), "Chromium");
            if (!File.Exists(output)) throw new PdfConversionException("无法生成 PDF：Chromium 没有输出文件。");
            return File.ReadAllBytes(output);
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static void Run(ProcessStartInfo psi, TimeSpan timeout, string what)
    {
        using var p = new Process { StartInfo = psi };
        var stderr = new StringBuilder();
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        p.OutputDataReceived += (_, _) => { };
        try
        {
            p.Start();
        }
        catch (Exception e)
        {
            throw new PdfConversionException($"无法生成 PDF：{what} 无法启动（{e.Message}）。", e);
        }
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new PdfConversionException($"无法生成 PDF：{what} 超时（{timeout.TotalSeconds:0} 秒）。");
        }
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new PdfConversionException($"无法生成 PDF：{what} 退出码 {p.ExitCode}。{stderr.ToString().Trim()}");
    }

    private static void TryDelete(DirectoryInfo dir)
    {
        try { dir.Delete(recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
