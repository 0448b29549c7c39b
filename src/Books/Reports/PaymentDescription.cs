using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Reports;

/// <summary>
/// A payment as the customer knows it, on their statement: "Payment, cheque 4521", "Payment, Visa", "Payment, cash",
/// "Payment, other, ref TX-9". The sync writes its receipts' memos the same way ("Payment, PayPal").
/// </summary>
public static class PaymentDescription
{
    public static string Of(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var how = receipt.Method == PaymentMethod.CreditCard ? receipt.CreditCard ?? "card" : ReceiptsJournal.MethodName(receipt.Method);
        return Of(how, receipt.Method == PaymentMethod.Cheque, receipt.Reference);
    }

    /// <param name="how">"cash", "cheque", a card's name, or another way of paying ("PayPal").</param>
    /// <param name="cheque">The reference is the cheque's number ("cheque 4521"), not another reference ("Visa, ref AUTH 77").</param>
    public static string Of(string how, bool cheque, string? reference) =>
        string.IsNullOrWhiteSpace(reference) ? $"Payment, {how}" : cheque ? $"Payment, {how} {reference}" : $"Payment, {how}, ref {reference}";
}
