using System.Globalization;

namespace BillingBooks.Billing.Storage;

// Typed ids: an invoice id can never be passed where a customer id is expected. On the wire they are
// opaque decimal strings.
public readonly record struct AccountId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct CustomerId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct InvoiceId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct PaymentId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct InvitationId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public readonly record struct RecurringId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public static class WireId
{
    /// <summary>Parses an id from a route or a body; anything else is "not found", never an error page.</summary>
    public static bool TryParse(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
