using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Api;

/// <summary>ProblemDetails with Chinese titles and details.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string? detail = null) =>
        TypedResults.Problem(title: "未找到", detail: detail ?? "文档不存在，或您无权查看。", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "没有权限", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "请求有误", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Unprocessable(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    /// <summary>The title of a 422 for a file that cannot be read: a read stopped by its time limit says so.</summary>
    public static string UnreadableTitle(Jixiao.Documents.Reading.UnreadableFileException e) => e.TimedOut ? "文件解析超时" : "无法读取文件";

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(title: "文件太大", detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge);

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(title: "未登录", detail: "请先登录，或在 Authorization: Bearer / X-Api-Key 中提供 API 密钥。", statusCode: StatusCodes.Status401Unauthorized);
}
