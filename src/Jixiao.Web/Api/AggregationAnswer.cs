using Jixiao.Core.Aggregation;
using Jixiao.Core.Checks;

namespace Jixiao.Web.Api;

/// <summary>
/// A 汇总 written straight into the response's pipe as it is serialised (<see cref="AggregationJson.WriteAsync"/>):
/// a region's answer runs to tens of MB and is neither built in memory first nor copied through a stream adapter.
/// </summary>
public sealed class AggregationAnswer(AggregationResult result, IReadOnlyList<Finding> findings) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await AggregationJson.WriteAsync(httpContext.Response.BodyWriter, result, findings, httpContext.RequestAborted);
    }
}
