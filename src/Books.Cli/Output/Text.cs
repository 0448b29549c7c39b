using System.Globalization;

namespace BillingBooks.Books.Cli.Output;

/// <summary>How values are written in tables, CSV and messages: invariant, the same on every machine.</summary>
internal static class Text
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly? date) => date is { } d ? Iso(d) : string.Empty;

    /// <summary>A percent or rate without trailing zeros: 13, 9.975, 1.3575.</summary>
    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Kind(Journals.EntryKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A journal report's status as of the period's end: "reversed" for a document reversed by then, "reversal of N" for a reversal's row.</summary>
    public static string ReversalStatus(bool reversed, Journals.EntryId? reverses) =>
        reverses is { } document ? $"reversal of {document}" : reversed ? "reversed" : string.Empty;

    /// <summary>An amount with its currency code, "1000.00 USD" (empty for none).</summary>
    public static string WithCode(Money.Money? amount) => amount is { } a ? $"{a.ToDecimalString()} {a.Currency.Code}" : string.Empty;

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string OnOff(bool value) => value ? "on" : "off";

    /// <summary>An instant in UTC, to the second: 2026-03-31T12:00:00Z.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
