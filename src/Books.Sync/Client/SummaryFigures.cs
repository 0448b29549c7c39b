using BillingBooks.Billing.Contracts;
using static BillingBooks.Books.Sync.Client.FieldProblems;

namespace BillingBooks.Books.Sync.Client;

/// <summary>
/// What the reconciliation reads of Billing's summary, checked as feed items are (<see cref="FeedItems"/>): its lists,
/// no null in them, customer ids and tax names, ISO 4217 codes, amounts in their currency. A summary that breaks it is
/// an answer that could not be read: fetched again, then the reconciliation says it could not compare; what the run
/// imported stays, and the next sync compares.
/// </summary>
internal static class SummaryFigures
{
    public static string? Unreadable(DatasetSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var problem = Nulls(summary.Customers, "customers") ?? Nulls(summary.Currencies, "currencies") ?? Nulls(summary.Taxes, "taxes")
            ?? Customers(summary.Customers) ?? Currencies(summary.Currencies) ?? Taxes(summary.Taxes);
        return problem is null ? null : "Billing's summary " + problem;
    }

    private static string? Customers(IReadOnlyList<CustomerBalance> customers)
    {
        for (var i = 0; i < customers.Count; i++)
        {
            var (customer, at) = (customers[i], $"customers[{i}]");
            if (customer.CustomerId is null) return Without(at + ".customerId");
            if ((CurrencyProblem(customer.Currency, at + ".currency", out var currency)
                ?? AmountProblem(customer.Invoiced, currency, at + ".invoiced") ?? AmountProblem(customer.Owing, currency, at + ".owing")) is { } problem)
                return problem;
        }
        return null;
    }

    private static string? Currencies(IReadOnlyList<CurrencyTotals> totals)
    {
        for (var i = 0; i < totals.Count; i++)
        {
            var (total, at) = (totals[i], $"currencies[{i}]");
            if ((CurrencyProblem(total.Currency, at + ".currency", out var currency)
                ?? AmountProblem(total.Invoiced, currency, at + ".invoiced") ?? AmountProblem(total.Owing, currency, at + ".owing")) is { } problem)
                return problem;
        }
        return null;
    }

    private static string? Taxes(IReadOnlyList<TaxTotal> taxes)
    {
        for (var i = 0; i < taxes.Count; i++)
        {
            var (tax, at) = (taxes[i], $"taxes[{i}]");
            if (tax.Name is null) return Without(at + ".name");
            if ((CurrencyProblem(tax.Currency, at + ".currency", out var currency) ?? AmountProblem(tax.Amount, currency, at + ".amount")) is { } problem)
                return problem;
        }
        return null;
    }
}
