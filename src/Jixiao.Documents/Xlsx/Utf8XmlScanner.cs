using System.Text;
using Jixiao.Documents.Reading;

namespace Jixiao.Documents.Xlsx;

/// <summary>What <see cref="Utf8XmlScanner.Next"/> stopped on.</summary>
internal enum XmlToken : byte { None, StartElement, EndElement, Text }

/// <summary>
/// A forward-only scanner over the UTF-8 bytes of one package part, for the worksheets (the bulk of a workbook):
/// start and end tags with their prefix and local name, attributes looked up by name, text with the five
/// predefined entities and character references decoded — no strings for names or numbers. It checks what
/// <see cref="System.Xml.XmlReader"/> would refuse for these parts: a DTD (refused through the guard, like the
/// XML reader's), unbalanced tags, unknown entities, broken markup; and it reports every element and text to
/// the guard's rules for the part (depth, rows, cells, text length).
/// </summary>
internal ref struct Utf8XmlScanner
{
    private readonly ReadOnlySpan<byte> _b;
    private readonly ZipPackageGuard.CheckedPart _part;
    private int _pos;
    private int[] _stack;
    private int _depth;
    private bool _sawRoot;
    private int _tagStart;
    private int _attrStart;
    private int _attrEnd;
    private int _textStart;
    private int _textEnd;
    private bool _textIsCData;

    public Utf8XmlScanner(ZipPackageGuard.CheckedPart part)
    {
        _part = part;
        _b = part.Bytes;
        if (_b.StartsWith("\uFEFF"u8)) _pos = 3;
        _stack = new int[32];
    }

    /// <summary>True when the part is UTF-8 (no UTF-16 mark, no other declared encoding): the scanner can read it.</summary>
    public static bool CanScan(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)) return false;
        if (b.StartsWith("\uFEFF"u8)) b = b[3..];
        if (!b.StartsWith("<?xml"u8)) return true;
        var end = b.IndexOf("?>"u8);
        if (end < 0) return false;
        var decl = b[..end];
        var at = decl.IndexOf("encoding"u8);
        if (at < 0) return true;
        var rest = decl[(at + 8)..].TrimStart(" \t\r\n="u8).TrimStart(" \t\r\n"u8);
        if (rest.Length < 2) return false;
        var q = rest[0];
        var close = rest[1..].IndexOf(q);
        if (close < 0) return false;
        var enc = rest[1..(close + 1)];
        return Ascii.EqualsIgnoreCase(enc, "utf-8"u8) || Ascii.EqualsIgnoreCase(enc, "utf8"u8);
    }

    public XmlToken Token { get; private set; }
    public ReadOnlySpan<byte> Prefix { get; private set; }
    public ReadOnlySpan<byte> LocalName { get; private set; }
    public bool IsEmptyElement { get; private set; }

    /// <summary>Depth of the current element (the root is 0), as <see cref="System.Xml.XmlReader.Depth"/> counts it.</summary>
    public int Depth { get; private set; }

    /// <summary>Moves to the next start tag, end tag or non-empty text; false at the end of the part.</summary>
    public bool Next()
    {
        var b = _b;
        while (true)
        {
            if (_pos >= b.Length)
            {
                if (_depth > 0 || !_sawRoot) throw Malformed(_pos);
                Token = XmlToken.None;
                return false;
            }
            if (b[_pos] != '<')
            {
                var lt = b[_pos..].IndexOf((byte)'<');
                var end = lt < 0 ? b.Length : _pos + lt;
                var start = _pos;
                _pos = end;
                if (_depth == 0)
                {
                    if (!IsWhitespace(b[start..end])) throw Malformed(start);
                    continue;
                }
                SetText(start, end, cdata: false);
                return true;
            }
            var rest = b[_pos..];
            if (rest.StartsWith("<?"u8))
            {
                var close = rest.IndexOf("?>"u8);
                if (close < 0) throw Malformed(_pos);
                _pos += close + 2;
                continue;
            }
            if (rest.StartsWith("<!--"u8))
            {
                var close = rest[4..].IndexOf("-->"u8);
                if (close < 0) throw Malformed(_pos);
                _pos += 4 + close + 3;
                continue;
            }
            if (rest.StartsWith("<![CDATA["u8))
            {
                if (_depth == 0) throw Malformed(_pos);
                var close = rest[9..].IndexOf("]]>"u8);
                if (close < 0) throw Malformed(_pos);
                var start = _pos + 9;
                _pos = start + close + 3;
                SetText(start, start + close, cdata: true);
                return true;
            }
            if (rest.StartsWith("<!"u8)) throw _part.Dtd();
            if (rest.Length > 1 && rest[1] == '/') return EndTag();
            return StartTag();
        }
    }

    private void SetText(int start, int end, bool cdata)
    {
        _textStart = start;
        _textEnd = end;
        _textIsCData = cdata;
        Token = XmlToken.Text;
        var raw = _b[start..end];
        // The guard's limit is in characters; bytes are an upper bound, so count only when they could exceed it.
        if (raw.Length > ZipPackageGuard.Default.MaxCellChars) _part.Text(TextValue().Length);
        if (!cdata && raw.IndexOf((byte)'&') >= 0) _ = TextValue(); // an unknown entity is an error wherever it is
    }

    private bool StartTag()
    {
        var b = _b;
        _tagStart = _pos;
        var i = _pos + 1;
        var nameStart = i;
        while (i < b.Length && !IsNameEnd(b[i])) i++;
        if (i == nameStart || i >= b.Length) throw Malformed(_pos);
        var name = b[nameStart..i];
        _attrStart = i;
        // Attributes: name = "value" | 'value', up to > or />.
        while (true)
        {
            while (i < b.Length && IsSpace(b[i])) i++;
            if (i >= b.Length) throw Malformed(_pos);
            if (b[i] == '>') { IsEmptyElement = false; _attrEnd = i; i++; break; }
            if (b[i] == '/')
            {
                if (i + 1 >= b.Length || b[i + 1] != '>') throw Malformed(i);
                IsEmptyElement = true;
                _attrEnd = i;
                i += 2;
                break;
            }
            var an = i;
            while (i < b.Length && b[i] != '=' && !IsSpace(b[i]) && b[i] != '>' && b[i] != '/') i++;
            if (i == an) throw Malformed(i);
            while (i < b.Length && IsSpace(b[i])) i++;
            if (i >= b.Length || b[i] != '=') throw Malformed(i);
            i++;
            while (i < b.Length && IsSpace(b[i])) i++;
            if (i >= b.Length || b[i] is not ((byte)'"' or (byte)'\'')) throw Malformed(i);
            var q = b[i];
            var close = b[(i + 1)..].IndexOf(q);
            if (close < 0) throw Malformed(i);
            var value = b.Slice(i + 1, close);
            if (value.IndexOf((byte)'<') >= 0) throw Malformed(i);
            if (value.IndexOf((byte)'&') >= 0) _ = Decode(value, i);
            i += close + 2;
        }
        if (_depth == 0)
        {
            if (_sawRoot) throw Malformed(_pos);
            _sawRoot = true;
        }
        _pos = i;
        var colon = name.IndexOf((byte)':');
        Prefix = colon < 0 ? default : name[..colon];
        LocalName = colon < 0 ? name : name[(colon + 1)..];
        Depth = _depth;
        Token = XmlToken.StartElement;
        _part.Element(_depth, LocalName.SequenceEqual("row"u8), LocalName.SequenceEqual("c"u8));
        if (!IsEmptyElement)
        {
            if (_depth == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
            _stack[_depth++] = nameStart;
        }
        return true;
    }

    private bool EndTag()
    {
        var b = _b;
        var i = _pos + 2;
        var nameStart = i;
        while (i < b.Length && !IsNameEnd(b[i])) i++;
        var name = b[nameStart..i];
        while (i < b.Length && IsSpace(b[i])) i++;
        if (i >= b.Length || b[i] != '>' || _depth == 0) throw Malformed(_pos);
        var open = _stack[--_depth];
        var openName = b[open..];
        if (!openName.StartsWith(name) || openName.Length > name.Length && !IsNameEnd(openName[name.Length])) throw Malformed(_pos);
        _pos = i + 1;
        var colon = name.IndexOf((byte)':');
        Prefix = colon < 0 ? default : name[..colon];
        LocalName = colon < 0 ? name : name[(colon + 1)..];
        Depth = _depth;
        Token = XmlToken.EndElement;
        IsEmptyElement = false;
        return true;
    }

    /// <summary>The raw bytes of the current text (entities not decoded; for CDATA, the section's content).</summary>
    public ReadOnlySpan<byte> RawText => _b[_textStart.._textEnd];

    /// <summary>True when the current text needs decoding (it has an entity or character reference).</summary>
    public bool TextHasEntities => !_textIsCData && RawText.IndexOf((byte)'&') >= 0;

    /// <summary>The current text as a string, entities decoded.</summary>
    public string TextValue() => _textIsCData ? Literal(RawText) : Decode(RawText, _textStart);

    /// <summary>Literal text as XML reads it: line ends (CR LF, lone CR) become LF.</summary>
    public static string Literal(ReadOnlySpan<byte> raw)
    {
        var s = Encoding.UTF8.GetString(raw);
        return s.Contains('\r') ? s.Replace("\r\n", "\n").Replace('\r', '\n') : s;
    }

    /// <summary>The raw value of an attribute of the current start tag (matched on its full name, e.g. "r" or "xmlns:x").</summary>
    public bool TryAttribute(ReadOnlySpan<byte> qualifiedName, out ReadOnlySpan<byte> value)
    {
        var b = _b[_attrStart.._attrEnd];
        var i = 0;
        while (i < b.Length)
        {
            while (i < b.Length && IsSpace(b[i])) i++;
            var an = i;
            while (i < b.Length && b[i] != '=' && !IsSpace(b[i])) i++;
            var name = b[an..i];
            while (i < b.Length && b[i] != '"' && b[i] != '\'') i++;
            if (i >= b.Length) break;
            var q = b[i];
            var close = b[(i + 1)..].IndexOf(q);
            var v = b.Slice(i + 1, close);
            i += close + 2;
            if (name.SequenceEqual(qualifiedName))
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>An attribute's value as a string (entities decoded), or null when the tag has none.</summary>
    public string? Attribute(ReadOnlySpan<byte> qualifiedName) =>
        TryAttribute(qualifiedName, out var v) ? Decode(v, _tagStart) : null;

    /// <summary>Skips the current element's content: the scanner ends on its end tag (nothing to do when it is empty).</summary>
    public void SkipElement()
    {
        if (Token != XmlToken.StartElement || IsEmptyElement) return;
        var depth = _depth - 1;
        while (Next())
            if (Token == XmlToken.EndElement && _depth == depth) return;
    }

    private string Decode(ReadOnlySpan<byte> raw, int at)
    {
        var amp = raw.IndexOf((byte)'&');
        if (amp < 0) return Literal(raw);
        var sb = new StringBuilder(raw.Length);
        while (amp >= 0)
        {
            sb.Append(Literal(raw[..amp]));
            raw = raw[(amp + 1)..];
            var semi = raw.IndexOf((byte)';');
            if (semi <= 0) throw Malformed(at);
            var entity = raw[..semi];
            if (entity.SequenceEqual("amp"u8)) sb.Append('&');
            else if (entity.SequenceEqual("lt"u8)) sb.Append('<');
            else if (entity.SequenceEqual("gt"u8)) sb.Append('>');
            else if (entity.SequenceEqual("quot"u8)) sb.Append('"');
            else if (entity.SequenceEqual("apos"u8)) sb.Append('\'');
            else if (entity[0] == '#')
            {
                var hex = entity.Length > 1 && entity[1] == 'x';
                var digits = entity[(hex ? 2 : 1)..];
                if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var code) || code is <= 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
                    throw Malformed(at);
                if (code < 0x20 && code is not (0x9 or 0xA or 0xD)) throw Malformed(at);
                sb.Append(char.ConvertFromUtf32(code));
            }
            else throw Malformed(at);
            raw = raw[(semi + 1)..];
            amp = raw.IndexOf((byte)'&');
        }
        return sb.Append(Literal(raw)).ToString();
    }

    /// <summary>The refusal for an element where only text may be (inside &lt;v&gt; or &lt;t&gt;), as the XML reader refuses it.</summary>
    public UnreadableFileException ElementInText() => Malformed(_tagStart);

    private UnreadableFileException Malformed(int at)
    {
        var line = 1;
        foreach (var c in _b[..Math.Min(at, _b.Length)])
            if (c == '\n') line++;
        return _part.Malformed(line);
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
    private static bool IsNameEnd(byte c) => IsSpace(c) || c is (byte)'>' or (byte)'/' or (byte)'=';
    private static bool IsWhitespace(ReadOnlySpan<byte> s) => s.IndexOfAnyExcept(" \t\r\n"u8) < 0;
}
