using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Api;

/// <summary>One uploaded file of a multipart form, bounded by the upload limit: the one place that reads uploads for the API.</summary>
public static class Uploads
{
    public sealed record Upload(IFormCollection Form, string FileName, byte[] Content)
    {
        /// <summary>An optional integer form field; a problem when present and not an integer.</summary>
        public (int? Value, ProblemHttpResult? Problem) Int(string name, string meaning)
        {
            if (!Form.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text)) return (null, null);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? (v, null) : (null, Problems.BadRequest($"{name} 必须是{meaning}（整数）。"));
        }
    }

    /// <summary>The form and its file "file", or the problem to answer (413 over the limit, 400 without a file).</summary>
    public static async Task<(Upload? Upload, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        var limit = $"{maxBytes / 1024.0 / 1024.0:0.#} MB";
        // The size limit answers before the body is read: by Content-Length when given, else while the form is read.
        if (http.Request.ContentLength is { } declared && declared > maxBytes + 64 * 1024)
            return (null, Problems.TooLarge($"上传内容 {declared / 1024.0 / 1024.0:0.0} MB 超过上限 {limit}。"));
        if (!http.Request.HasFormContentType) return (null, Problems.BadRequest("请以 multipart/form-data 上传一个文件（字段名 file）。"));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return (null, Problems.TooLarge($"上传内容超过上限 {limit}。"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge($"上传内容超过上限 {limit}。"));
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return (null, Problems.BadRequest("请以 multipart/form-data 上传一个文件（字段名 file）。"));
        if (file.Length > maxBytes) return (null, Problems.TooLarge($"文件大小 {file.Length / 1024.0 / 1024.0:0.0} MB 超过上限 {limit}。"));
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return (new Upload(form, file.FileName, ms.ToArray()), null);
    }
}
