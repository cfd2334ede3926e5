using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>
/// A refusal in Google's error shape, thrown from deep inside a handler so that every check reads as one line
/// and the request pipeline turns it into {"error":{"code","message","status"}}.
/// </summary>
internal sealed class FakeApiError : Exception
{
    private FakeApiError(int code, string message, string? field = null, string? reason = null)
        : base(message)
    {
        Code = code;
        Field = field;
        Reason = reason;
    }

    public int Code { get; }

    /// <summary>The request field a 400 is about; Google names it in a BadRequest detail.</summary>
    public string? Field { get; }

    /// <summary>The ErrorInfo reason Google adds to auth refusals (ACCESS_TOKEN_SCOPE_INSUFFICIENT, ...).</summary>
    public string? Reason { get; }

    public static FakeApiError InvalidArgument(string message, string? field = null) => new(400, message, field);

    public static FakeApiError Unauthenticated(string message) => new(401, message);

    public static FakeApiError PermissionDenied(string message, string? reason = null) => new(403, message, reason: reason);

    public static FakeApiError NotFound(string message) => new(404, message);

    /// <summary>A call the discovery document allows but the fake does not carry out: the test must fail loudly.</summary>
    public static FakeApiError NotImplemented(string what) =>
        new(501, $"{what} is not implemented by the fake Google the collector's tests run against.");

    public static string StatusName(int code) => code switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        500 => "INTERNAL",
        501 => "UNIMPLEMENTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => "UNKNOWN",
    };

    /// <summary>The message Google sends with a status when the fake has nothing more specific to say.</summary>
    public static string DefaultMessage(int code) => code switch
    {
        400 => "Request contains an invalid argument.",
        401 => "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
        403 => "The caller does not have permission",
        404 => "Requested entity was not found.",
        409 => "The operation was aborted.",
        429 => "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com'.",
        500 => "Internal error encountered.",
        503 => "The service is currently unavailable.",
        504 => "The request timed out. Please try again.",
        _ => "Error.",
    };

    public ApiResponse ToResponse() => ApiResponse.Error(Code, Message, Field, Reason);

    public static JsonObject Body(int code, string message, string? field = null, string? reason = null)
    {
        var error = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["status"] = StatusName(code),
        };
        if (field is not null)
        {
            error["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = field, ["description"] = message }),
            });
        }
        else if (reason is not null)
        {
            error["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = reason,
                ["domain"] = "googleapis.com",
            });
        }
        return new JsonObject { ["error"] = error };
    }
}
