using CopLive.Grains.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CopLive.Gateway.Api;

/// <summary>Turns a grain's refusal into an RFC 7807 problem response naming the offending field.</summary>
internal sealed class CopLiveExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CopLiveException refusal)
        {
            return false;
        }

        var status = refusal.Code switch
        {
            CopLiveError.InvalidArgument => StatusCodes.Status400BadRequest,
            CopLiveError.Forbidden => StatusCodes.Status403Forbidden,
            CopLiveError.NotFound => StatusCodes.Status404NotFound,
            CopLiveError.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };

        var details = new ProblemDetails
        {
            Status = status,
            Title = refusal.Code switch
            {
                CopLiveError.InvalidArgument => "Invalid request",
                CopLiveError.Forbidden => "Forbidden",
                CopLiveError.NotFound => "Not found",
                CopLiveError.Conflict => "Conflict",
                _ => "Refused",
            },
            Detail = refusal.Message,
        };
        details.Extensions["code"] = refusal.Code.ToString();
        if (refusal.Field is { } field)
        {
            details.Extensions["field"] = field;
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [refusal.Message] };
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }
}
