using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Money;

namespace BillingBooks.Billing.Invoices;

/// <summary>Turns a stored invoice into what the API and the feed show.</summary>
public static class InvoiceViews
{
    public static InvoiceDocument ToDocument(InvoiceState state, long paidMinor)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (lines, taxes, totals) = Parts(state);
        var currency = Currency.Get(state.Currency);
        var paid = Money.Money.FromMinorUnits(paidMinor, currency);
        return new InvoiceDocument(
            Id(state.Id),
            Id(state.CustomerId),
            state.Number,
            state.Date,
            state.DueDate,
            state.Reference,
            state.Description,
            state.Currency,
            state.StatusWith(paidMinor, totals.Total.MinorUnits),
            lines,
            taxes,
            totals.Subtotal.ToDecimalString(),
            totals.Discount.ToDecimalString(),
            totals.Total.ToDecimalString(),
            paid.ToDecimalString(),
            // A void invoice owes nothing (it is voided only while unpaid); the list and reports showed its total owing.
            (state.Stage == InvoiceStatuses.Void ? Money.Money.Zero(currency) : totals.Total - paid).ToDecimalString());
    }

    public static InvoiceResponse ToResponse(InvoiceState state, long paidMinor, DateOnly today)
    {
        var document = ToDocument(state, paidMinor);
        return new InvoiceResponse(
            document.Id,
            state.Kind,
            document.CustomerId,
            document.Number,
            document.Date,
            document.DueDate,
            document.Reference,
            document.Description,
            document.Currency,
            document.Status,
            InvoiceState.IsPastDue(document.Status, document.DueDate, today),
            state.Discount,
            state.Comments,
            state.ContactEmail,
            document.Lines,
            document.Taxes,
            document.Subtotal,
            document.Discount,
            document.Total,
            document.Paid,
            document.Owing,
            state.Revision,
            state.ConvertedToInvoiceId is { } converted ? Id(converted) : null);
    }

    private static (IReadOnlyList<InvoiceLineDocument>, IReadOnlyList<InvoiceTaxDocument>, InvoiceTotals) Parts(InvoiceState state)
    {
        var totals = state.Compute();
        var lines = state.Lines.Select((l, i) => new InvoiceLineDocument(
            i + 1,
            l.Unit,
            l.Description,
            l.Quantity!,
            l.UnitPrice!,
            totals.Lines[i].Amount.ToDecimalString(),
            totals.Lines[i].DiscountedAmount.ToDecimalString(),
            l.Taxes ?? [])).ToArray();
        var taxes = totals.Taxes.Select(t => new InvoiceTaxDocument(
            t.Tax.Name,
            t.Tax.Rate.ToString(CultureInfo.InvariantCulture),
            t.Tax.ChargedOn,
            t.Amount.ToDecimalString())).ToArray();
        return (lines, taxes, totals);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
