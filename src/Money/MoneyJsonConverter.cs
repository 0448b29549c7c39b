using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingBooks.Money;

/// <summary>
/// Money in JSON as <c>{"amount":"12.30","currency":"CAD"}</c>; the amount is a string so no JSON reader
/// turns it into a binary float. Where the currency is known from the enclosing document, contracts carry
/// the amount string alone instead.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money must be an object with \"amount\" (a string) and \"currency\" (an ISO 4217 code).");
        }

        string? amount = null;
        string? code = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "amount" when reader.TokenType == JsonTokenType.String:
                    amount = reader.GetString();
                    break;
                case "currency" when reader.TokenType == JsonTokenType.String:
                    code = reader.GetString();
                    break;
                default:
                    throw new JsonException($"Unexpected \"{name}\" in a money object; only \"amount\" (a string) and \"currency\" are allowed.");
            }
        }

        if (!Currency.TryGet(code, out var currency))
        {
            throw new JsonException($"\"{code}\" is not an ISO 4217 currency code.");
        }

        return Money.TryParse(amount, currency, System.Globalization.CultureInfo.InvariantCulture, out var money, out var error)
            ? money
            : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("amount", value.ToDecimalString());
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}
