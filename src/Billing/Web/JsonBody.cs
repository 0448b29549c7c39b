using System.Text.Json;

namespace BillingBooks.Billing.Web;

/// <summary>Reads a request body ourselves so every failure becomes a problem naming the field.</summary>
public static class JsonBody
{
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new MalformedBody("Send the body as JSON with Content-Type: application/json.", null);
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Json.BodyOptions, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null ? new MalformedBody("The body is empty or null; send a JSON object.", null) : value;
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? null : e.Path.TrimStart('$').TrimStart('.');
            var detail = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"Unknown field at '{path}'; remove it (see /openapi/v1.json for the fields)."
                : e.Message == NulCharacters.Found
                    ? $"'{path}' {NulCharacters.Found}; remove it."
                    : $"'{path}' has the wrong type or is not valid JSON; check the field's type in /openapi/v1.json.";
            return new MalformedBody(detail, string.IsNullOrEmpty(path) ? null : path);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new BodyTooLarge(Limits.MaxBodyBytes);
        }
    }
}

public static class Limits
{
    public const long MaxBodyBytes = 256 * 1024;
}
