using CopLive.Gateway.Faults;
using CopLive.Gateway.Wire;
using CopLive.Grains.Errors;
using CopLive.Protocol.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CopLive.Gateway.Api;

/// <summary>
/// Turns the refusals a request can meet into RFC 7807 problem responses: a grain's <see cref="CopLiveException"/>
/// (naming the offending field), a fault of the cluster (503 <c>Unavailable</c> with <c>Retry-After</c>, see
/// <see cref="TransientFault"/>), or a request Kestrel found malformed while reading it (for example too large).
/// Anything else is a fault and is left to the default handler.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = exception switch
        {
            CopLiveException refusal => FromRefusal(refusal),
            _ when TransientFault.Is(exception) => Unavailable(),
            BadHttpRequestException bad => FromBadRequest(bad),
            _ => null,
        };
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        if (details.Status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status429TooManyRequests)
        {
            httpContext.Response.Headers.RetryAfter = ((int)TransientFault.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    private static ProblemDetails FromRefusal(CopLiveException refusal)
    {
        var (status, title) = refusal.Code switch
        {
            CopLiveError.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            CopLiveError.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            CopLiveError.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            CopLiveError.RateLimited => (StatusCodes.Status429TooManyRequests, "Too many requests"),
            CopLiveError.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Unavailable"),
            _ => (StatusCodes.Status400BadRequest, "Invalid request"),
        };

        var details = new ProblemDetails { Status = status, Title = title, Detail = refusal.Message };
        details.Extensions["code"] = refusal.Code.ToWire().ToString();
        if (refusal.Field is { } field)
        {
            details.Extensions["field"] = field;
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [refusal.Message] };
        }
        return details;
    }

    private static ProblemDetails Unavailable()
    {
        var details = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Unavailable", Detail = TransientFault.Message };
        details.Extensions["code"] = RefusalCode.Unavailable.ToString();
        return details;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad) =>
        bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Request body too large",
                Detail = $"The request body is larger than the {CopLiveLimits.RequestBodyBytes / 1024} KiB this API accepts.",
            }
            : new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
}
