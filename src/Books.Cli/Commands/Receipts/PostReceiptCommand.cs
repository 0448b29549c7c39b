using System.CommandLine;
using BillingBooks.Books.Cli.Commands.Sales;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Cli.Commands.Receipts;

internal static class PostReceiptCommand
{
    private const string Help = """
        Posts a receipt from a customer, allocated to that customer's invoices (INVOICE=AMOUNT, in the
        invoices' currency; the receipt's amount is their sum unless --amount). Cash and cheques deposit to
        Principal Bank (or --deposit-account); a card deposits to its account less its fee. A foreign-currency
        receipt posts the exchange gain or loss against the invoices' booked value.

        Examples:
          books --file acme.books receipts post --customer "Maple Design" --allocate 1001=904.00 \
            --method cheque --cheque-number 4521 --date 2026-03-20
          books --file acme.books receipts post --customer "Maple Design" --allocate 1003=113.00 --method card Visa
        """;

    public static Command Create(CliContext cli)
    {
        var customer = new Option<string>("--customer") { Description = "The customer paying.", Required = true, HelpName = "NAME" };
        var allocations = Pair.Option("--allocate", '=', "INVOICE=AMOUNT", "1001=113.00", "Apply part of the receipt to an invoice.");
        allocations.Required = true;
        var amount = new Option<string?>("--amount") { Description = "The amount received (the allocations' sum if not given; must equal it).", HelpName = "AMOUNT" };
        var method = PaymentSpec.Option();
        var cheque = new Option<string?>("--cheque-number") { Description = "The cheque's number.", HelpName = "NUMBER" };
        var reference = new Option<string?>("--reference") { Description = "Another reference (e.g. a transfer id).", HelpName = "TEXT" };
        var date = Options.Date("--date", "The date received (today if not given).");
        var deposit = Options.Account("--deposit-account", "Where cash or a cheque is deposited (Principal Bank if not given).");
        var rate = Options.Decimal("--rate", "RATE", "Home units per 1 foreign unit (the rate on file for the date if not given).");
        var memo = new Option<string?>("--memo") { Description = "A note kept with the entry.", HelpName = "TEXT" };
        var command = new Command("post", Help) { customer, allocations, amount, method, cheque, reference, date, deposit, rate, memo };
        command.SetAction(parsed =>
        {
            var payment = parsed.GetRequiredValue(method);
            if (parsed.GetValue(cheque) is not null && payment.Method != PaymentMethod.Cheque)
            {
                return cli.Refuse("--cheque-number goes with --method cheque; add --method cheque or use --reference");
            }

            return cli.Write(
                parsed,
                write => write.Customers.FindByName(parsed.GetRequiredValue(customer)).Then(found =>
                    Draft(write, found, parsed.GetRequiredValue(allocations), parsed.GetValue(amount), parsed.GetValue(date) ?? cli.Today)
                        .Then(draft => write.Receipts.Post(draft with
                        {
                            Method = payment.Method,
                            CreditCard = payment.Card,
                            Reference = parsed.GetValue(cheque) ?? parsed.GetValue(reference),
                            DepositAccount = parsed.GetValue(deposit),
                            ExchangeRate = parsed.GetValue(rate),
                            Memo = parsed.GetValue(memo),
                        }))
                        .Map(receipt => (Receipt: receipt, Customer: found.Name))),
                done => cli.Said($"Posted {ReceiptText.Summary(done.Receipt, done.Customer)}."));
        });
        return command;
    }

    /// <summary>The allocations resolved to invoices and checked in the customer's currency.</summary>
    private static Result<ReceiptDraft> Draft(BooksRead scope, Customer customer, Pair[] allocations, string? amount, DateOnly date) =>
        Amounts.All(allocations, pair => InvoiceLookup.Find(scope, pair.Key)
                .Then(found => Amounts.Parse("--allocate", pair.Value, found.Invoice.Currency)
                    .Map(money => new ReceiptAllocation(found.Invoice.Entry, money))))
            .Then(resolved =>
            {
                var currency = resolved.Count > 0 ? resolved[0].Amount.Currency : customer.Currency;
                var total = amount is null
                    ? Result<Money.Money>.Ok(Money.Money.Sum(resolved.Select(a => a.Amount).Where(a => a.Currency == currency), currency))
                    : Amounts.Parse("--amount", amount, currency);
                return total.Map(received => new ReceiptDraft(customer.Id, date, received, PaymentMethod.Cash, resolved));
            });
}
