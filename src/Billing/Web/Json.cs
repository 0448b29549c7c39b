using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBooks.Billing.Web;

public static class Json
{
    /// <summary>camelCase on the wire; unknown fields are refused so a typo never silently drops data.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary><see cref="Options"/> for request bodies: also refuses text holding U+0000 (<see cref="NulCharacters"/>).</summary>
    public static readonly JsonSerializerOptions BodyOptions = CreateForBodies();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            // API JSON, never embedded in HTML: keep accents and symbols readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions CreateForBodies()
    {
        var options = new JsonSerializerOptions(Options);
        options.Converters.Add(new NulCharacters.Refused());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
