using Jixiao.Documents.Reading;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Infrastructure;

/// <summary>Turns exceptions into ProblemDetails with a Chinese title and detail.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            UnreadableFileException e => (StatusCodes.Status422UnprocessableEntity, Api.Problems.UnreadableTitle(e), e.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "文件太大", "上传的内容超过了服务器允许的大小。"),
            BadHttpRequestException e => (e.StatusCode, "请求有误", "请求格式不正确。"),
            UnauthorizedAccessException e => (StatusCodes.Status403Forbidden, "没有权限", e.Message),
            NotSupportedException e => (StatusCodes.Status501NotImplemented, "功能暂不可用", e.Message),
            NotImplementedException e => (StatusCodes.Status501NotImplemented, "功能暂不可用", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误", "处理请求时出错，已记录日志。"),
        };
        if (status >= 500) log.LogError(exception, "请求 {Path} 失败", context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
