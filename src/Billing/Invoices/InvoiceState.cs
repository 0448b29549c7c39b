using System.Globalization;
using System.Runtime.CompilerServices;
using BillingBooks.Billing.Contracts;
using BillingBooks.Money;

namespace BillingBooks.Billing.Invoices;

public static class InvoiceKinds
{
    public const string Invoice = "invoice";
    public const string Quote = "quote";
}

/// <summary>
/// An invoice or quote as stored (the doc column). <see cref="Stage"/> is where it is in its life
/// (draft, sent, changed, void, quote_draft, quote_sent); the status shown adds what payments say.
/// Taxes were copied from the customer or profile when it was created and never change afterwards.
/// </summary>
public sealed record InvoiceState(
    long Id,
    string Kind,
    long CustomerId,
    string Number,
    DateOnly Date,
    DateOnly DueDate,
    string? Reference,
    string? Description,
    string Currency,
    string Stage,
    DiscountRequest? Discount,
    string? Comments,
    string? ContactEmail,
    IReadOnlyList<InvoiceLineRequest> Lines,
    IReadOnlyList<TaxDefinition> Taxes,
    int Revision,
    bool InFeed,
    long? ConvertedToInvoiceId)
{
    public bool IsSentFamily => Stage is InvoiceStatuses.Sent or InvoiceStatuses.Changed;

    // Validating, storing and showing an invoice all need its totals: each state (immutable) computes them once.
    private static readonly ConditionalWeakTable<InvoiceState, InvoiceTotals> Totals = new();

    public InvoiceTotals Compute() => Totals.GetValue(this, static state => state.ComputeNow());

    private InvoiceTotals ComputeNow()
    {
        var currency = Money.Currency.Get(Currency);
        var taxes = Taxes.Select(t => new InvoiceTax(t.Name!, decimal.Parse(t.Rate!, CultureInfo.InvariantCulture), t.ChargedOn)).ToArray();
        var lines = Lines.Select(l => new InvoiceLine(
            decimal.Parse(l.Quantity!, CultureInfo.InvariantCulture),
            Money.Money.Parse(l.UnitPrice!, currency),
            l.Taxes ?? [])).ToArray();
        return InvoiceCalculation.Compute(currency, lines, taxes, ToDiscount(Discount, currency));
    }

    public static InvoiceDiscount? ToDiscount(DiscountRequest? discount, Currency currency) => discount switch
    {
        { Kind: "percent", Value: { } v } => new PercentDiscount(decimal.Parse(v, CultureInfo.InvariantCulture)),
        { Kind: "amount", Value: { } v } => new AmountDiscount(Money.Money.Parse(v, currency)),
        _ => null,
    };

    /// <summary>The status shown: the stage, or partly paid / paid once payments apply.</summary>
    public string StatusWith(long paidMinor, long totalMinor) =>
        IsSentFamily && paidMinor > 0 ? (paidMinor >= totalMinor ? InvoiceStatuses.Paid : InvoiceStatuses.PartlyPaid) : Stage;

    public static bool IsPastDue(string status, DateOnly dueDate, DateOnly today) =>
        status is InvoiceStatuses.Sent or InvoiceStatuses.Changed or InvoiceStatuses.PartlyPaid && dueDate <= today;
}
