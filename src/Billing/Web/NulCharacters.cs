using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBooks.Billing.Web;

/// <summary>
/// Text holding U+0000 is refused wherever a request brings it, in the body (400 naming the field) or in the query
/// (400): PostgreSQL cannot store the character in text, so a name, a number or an email with one failed the request
/// with a 500 there (and SQLite kept a name no other program shows whole). No name, number or address needs it.
/// </summary>
public static class NulCharacters
{
    public const string Found = "holds a NUL character (U+0000)";

    /// <summary>A middleware for the API's paths: a query value with U+0000 never reaches an endpoint.</summary>
    public static Task RefuseInQueryAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && http.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) is { Key: { } key })
        {
            return Problems.WriteAsync(http, new BadQueryValue($"The query value '{key}' {Found}; remove it.", key));
        }

        return next(http);
    }

    /// <summary>Reads request bodies' strings (<see cref="Json.BodyOptions"/>); stored documents are read as they are.</summary>
    internal sealed class Refused : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && text.Contains('\0', StringComparison.Ordinal) ? throw new JsonException(Found) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }
}
