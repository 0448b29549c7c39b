using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Receipts;

internal static class ReceiptText
{
    public static string Method(Receipt receipt) => receipt.Method switch
    {
        PaymentMethod.CreditCard => $"card {receipt.CreditCard}",
        _ => ReceiptsJournal.MethodName(receipt.Method),
    };

    public static string Summary(Receipt receipt, string customer)
    {
        var fee = receipt.Fee.IsZero ? string.Empty : $", fee {receipt.Fee.ToDecimalString()}";
        var reference = receipt.Reference is null ? string.Empty : $" #{receipt.Reference}";
        return $"receipt of {receipt.Amount.ToDecimalString()} {receipt.Amount.Currency.Code} from {customer} by {Method(receipt)}{reference}{fee}, deposited to {receipt.DepositAccount} (entry {receipt.Entry})";
    }

    public static object Json(Receipt receipt, string customer, IReadOnlyDictionary<EntryId, string> invoiceNumbers) => new
    {
        entry = receipt.Entry.Value,
        customer,
        date = Text.Iso(receipt.Date),
        amount = receipt.Amount.ToDecimalString(),
        currency = receipt.Amount.Currency.Code,
        rate = Text.Number(receipt.Rate),
        method = ReceiptsJournal.MethodName(receipt.Method),
        creditCard = receipt.CreditCard,
        reference = receipt.Reference,
        depositAccount = receipt.DepositAccount.ToString(),
        fee = receipt.Fee.ToDecimalString(),
        allocations = receipt.Allocations.Select(a => new { invoice = invoiceNumbers.GetValueOrDefault(a.Invoice, a.Invoice.ToString()), amount = a.Amount.ToDecimalString() }),
        reversed = receipt.Reversed,
    };
}
