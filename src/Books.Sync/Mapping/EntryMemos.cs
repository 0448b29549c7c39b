using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Reports;

namespace BillingBooks.Books.Sync.Mapping;

/// <summary>
/// What the sync writes on the entries it posts and reverses, as people read them - on the customer's statement, in
/// the ledger: "Invoice 1042", "Payment, cheque 101", "Payment, Visa", "Payment, cash deleted in Billing". Where an
/// entry came from (Billing's record and version) is kept in sync_source (books_id, reversal_id), not in its memo:
/// the statement goes to the customer.
/// </summary>
public static class EntryMemos
{
    public static string Sale(BillingSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return $"Invoice {sale.Number}";
    }

    public static string Receipt(BillingReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return PaymentDescription.Of(How(receipt.Method, receipt.CardName), receipt.Method == PaymentMethods.Cheque, receipt.Reference);
    }

    /// <summary>A payment as its receipt's memo names it, from the document (a version posted before: what a reversal undoes).</summary>
    public static string Receipt(PaymentDocument payment, BooksSetup setup)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(setup);
        var card = payment.Method == PaymentMethods.CreditCard && payment.CardBrand is { } brand ? PostingRules.MatchCard(setup.CardNames, brand) ?? brand : null;
        return PaymentDescription.Of(How(payment.Method, card), payment.Method == PaymentMethods.Cheque, PostingRules.ReceiptReference(payment));
    }

    private static string How(string? method, string? card) => method switch
    {
        PaymentMethods.Cash => "cash",
        PaymentMethods.Cheque => "cheque",
        PaymentMethods.CreditCard => card ?? "card",
        PaymentMethods.PayPal => "PayPal",
        null => "other",
        _ => method.Replace('_', ' '), // Billing's other ways of paying, as it names them
    };
}
