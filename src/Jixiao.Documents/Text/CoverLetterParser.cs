using System.Text.RegularExpressions;
using Jixiao.Core.Model;

namespace Jixiao.Documents.Text;

/// <summary>Reads a 报送函: title "…关于报送…的函", addressee "XX局:", body, contact, annex list, sender and date.</summary>
public static partial class CoverLetterParser
{
    [GeneratedRegex(@"联系人[:：]\s*(\S+)")]
    private static partial Regex ContactPerson();

    [GeneratedRegex(@"(?:联系)?电话[:：]\s*([\d\-－ ]{5,})")]
    private static partial Regex ContactPhone();

    [GeneratedRegex(@"[（(]\s*([^（()）]*?[〔【\[]\s*\d{4}\s*[〕】\]]\s*\d+\s*号)\s*[)）]")]
    private static partial Regex BasisInBrackets();

    [GeneratedRegex(@"^(\d{1,2})\s*[.、．]\s*(.+)$")]
    private static partial Regex AnnexItem();

    /// <summary>Finds a cover letter whose title starts at or after <paramref name="from"/>; returns it with its last line index.</summary>
    public static (CoverLetter Letter, int Start, int Last)? TryRead(Segment seg)
    {
        for (var i = seg.Start; i < seg.End; i++)
        {
            var line = seg.All[i];
            if (line.IsBlank || line.IsTabular) continue;
            if (!line.Compact.EndsWith("的函", StringComparison.Ordinal) && !line.Compact.EndsWith("函", StringComparison.Ordinal)) continue;
            // Title: this line and up to 4 lines before it that are not sentences.
            var titleStart = i;
            var title = line.Compact;
            for (var k = 0; k < 4; k++)
            {
                var p = PrevNonBlank(seg, titleStart - 1);
                if (p < seg.Start) break;
                var c = seg.All[p].Compact;
                if (c.Length > 40 || c.EndsWith('。') || c.EndsWith('：') || c.EndsWith(':')) break;
                titleStart = p;
                title = c + title;
            }
            if (!title.Contains("关于", StringComparison.Ordinal)) continue;
            var addrIdx = seg.NextNonBlank(i + 1);
            if (addrIdx < 0) continue;
            var addr = seg.All[addrIdx].Compact;
            if (!(addr.EndsWith(':') || addr.EndsWith('：')) || addr.Length > 40) continue;
            return Read(seg, titleStart, i, title, addrIdx);
        }
        return null;
    }

    private static int PrevNonBlank(Segment seg, int i)
    {
        for (; i >= seg.Start; i--) if (!seg.All[i].IsBlank) return i;
        return seg.Start - 1;
    }

    private static (CoverLetter, int, int) Read(Segment seg, int titleStart, int titleEnd, string title, int addrIdx)
    {
        var letter = new CoverLetter
        {
            Title = title,
            Addressee = seg.All[addrIdx].Compact.TrimEnd(':', '：'),
        };
        var body = new List<string>();
        var annexLines = new List<(int Index, string Text)>();
        var inAnnex = false;
        var last = addrIdx;
        string? sender = null;
        for (var i = addrIdx + 1; i < seg.End; i++)
        {
            var l = seg.All[i];
            if (l.IsBlank) continue;
            var c = l.Compact;
            if (Segment.ParseDate(c) is { } date)
            {
                letter.Date = date;
                last = i;
                // the sender is the non-blank line just before the date
                var p = PrevNonBlank(seg, i - 1);
                if (p > addrIdx && sender is null)
                {
                    sender = seg.All[p].Text;
                    if (annexLines.Count > 0 && annexLines[^1].Index == p) annexLines.RemoveAt(annexLines.Count - 1);
                    else if (body.Count > 0 && body[^1] == seg.All[p].Text) body.RemoveAt(body.Count - 1);
                }
                break;
            }
            last = i;
            if (c.StartsWith("联系人", StringComparison.Ordinal) || c.StartsWith("联系电话", StringComparison.Ordinal))
            {
                var m = ContactPerson().Match(l.Raw);
                if (m.Success) letter.ContactPerson = m.Groups[1].Value;
                var ph = ContactPhone().Match(l.Raw);
                if (ph.Success) letter.ContactPhone = ph.Groups[1].Value.Trim();
                continue;
            }
            if (c.StartsWith("附件", StringComparison.Ordinal))
            {
                inAnnex = true;
                var rest = l.Text[(l.Text.IndexOfAny([':', '：']) is var k and >= 0 ? k + 1 : 2)..].Trim();
                if (rest.Length > 0) annexLines.Add((i, rest));
                continue;
            }
            if (inAnnex) annexLines.Add((i, l.Text));
            else body.Add(l.Text);
        }
        letter.Sender = sender;
        letter.Body = Headings.JoinLines(body);
        var basis = BasisInBrackets().Match(CoreText.Compact(letter.Body));
        if (basis.Success) letter.BasisDocument = basis.Groups[1].Value;
        // Annex entries: a numbered item continues on the following lines until the next number.
        foreach (var (_, textLine) in annexLines)
        {
            var m = AnnexItem().Match(textLine);
            if (m.Success) letter.Annexes.Add(new AnnexEntry { Number = m.Groups[1].Value, Title = Cells.Clean(m.Groups[2].Value) });
            else if (letter.Annexes.Count > 0) letter.Annexes[^1].Title = Headings.JoinLines([letter.Annexes[^1].Title, textLine]);
            else letter.Annexes.Add(new AnnexEntry { Number = "", Title = textLine });
        }
        foreach (var a in letter.Annexes) a.Title = CoreText.Compact(a.Title).Replace("（", "(").Replace("）", ")");
        letter.Unit = sender;
        letter.Year = Segment.ParseYear(title);
        letter.Source = seg.Ref(titleStart, last);
        return (letter, titleStart, last);
    }
}
