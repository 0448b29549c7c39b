using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Journals;

/// <summary>
/// The receipts journal. A receipt posts Dr deposit account (less a card's fee), Dr the card fee account,
/// Cr Accounts Receivable, and for foreign currency the exchange gain or loss: each allocation settles the
/// invoice's booked home value (in proportion, the last one settling exactly what is left), the cash is valued at
/// the receipt's rate, and the difference goes to the Exchange Gain/Loss linked account.
/// </summary>
public sealed class ReceiptsJournal
{
    private const string ReceiptColumns = "entry_id AS Entry, customer_id AS Customer, date, currency, rate, amount, fee, method, reference, credit_card AS CreditCard, deposit_account AS DepositAccount, reversed";

    private readonly BooksRead _scope;

    internal ReceiptsJournal(BooksRead scope) => _scope = scope;

    public Result<Receipt> Post(ReceiptDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        _scope.RequireWrite();
        if (!Plan(draft).TryGetValue(out var p, out var error))
        {
            return error;
        }

        var linked = _scope.Linked;
        var currency = p.Currency;
        var cashHome = Documents.Home(draft.Amount, currency);
        var feeHome = Documents.Home(p.Fee, currency);
        var settled = p.Allocations.Sum(a => a.Home);
        var lines = new List<PostingLine>
        {
            Documents.Line(p.DepositAccount.Value, cashHome - feeHome, (draft.Amount - p.Fee).MinorUnits, currency, "Deposit"),
        };
        if (!p.Fee.IsZero)
        {
            lines.Add(Documents.Line(p.FeeAccount!.Value.Value, feeHome, p.Fee.MinorUnits, currency, "Card fee"));
        }

        lines.Add(Documents.Line(linked.AccountsReceivable.Value, -settled, -draft.Amount.MinorUnits, currency, "Receipt"));
        if (settled != cashHome)
        {
            lines.Add(new PostingLine(linked.ExchangeGainLoss.Value, settled - cashHome, Memo: "Exchange gain/loss"));
        }

        var memo = draft.Memo ?? $"Receipt from {p.Customer.Name}";
        if (!Ledger.Post(_scope, EntryKind.Receipt, draft.Date, memo, p.Customer.Id, null, lines, $"receipt from {p.Customer.Name}, {draft.Amount}").TryGetValue(out var entry, out error))
        {
            return error;
        }
        // Prepared once per scope: a sync posts its receipts through here one after another.
        var method = MethodName(draft.Method);
        _scope.Prepared(
                "INSERT INTO receipt (entry_id, customer_id, date, currency, rate, amount, fee, method, reference, credit_card, deposit_account) " +
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .Add(entry.Value).Add(p.Customer.Id.Value).Add(SqlFormats.Date(draft.Date)).Add(currency.Currency.Code).Add(SqlFormats.Decimal(currency.Rate))
            .Add(draft.Amount.MinorUnits).Add(p.Fee.MinorUnits).Add(method).Add(draft.Reference).Add(p.CardName).Add(p.DepositAccount.Value)
            .Run();
        var allocate = _scope.Prepared("INSERT INTO allocation (receipt_id, invoice_id, amount, home_amount) VALUES (?, ?, ?, ?)");
        var settle = _scope.Prepared("UPDATE invoice SET owing = owing - ?1, home_owing = home_owing - ?2 WHERE entry_id = ?3");
        foreach (var a in p.Allocations)
        {
            allocate.Add(entry.Value).Add(a.Invoice.Value).Add(a.Amount).Add(a.Home).Run();
            settle.Add(a.Amount).Add(a.Home).Add(a.Invoice.Value).Run();
        }

        // As Get would read it back: allocations in invoice order, the rate as stored.
        return new Receipt(
            entry, p.Customer.Id, draft.Date, draft.Amount, SqlFormats.Decimal(SqlFormats.Decimal(currency.Rate)), ParseMethod(method), draft.Reference, p.CardName,
            p.DepositAccount, p.Fee,
            p.Allocations.OrderBy(a => a.Invoice.Value).Select(a => new ReceiptAllocation(a.Invoice, Money.Money.FromMinorUnits(a.Amount, currency.Currency))).ToArray(),
            Reversed: false);
    }

    public Result<Receipt> Get(EntryId entry)
    {
        var row = _scope.QuerySingleOrDefault<ReceiptRow>($"SELECT {ReceiptColumns} FROM receipt WHERE entry_id = @Value", new { entry.Value });
        return row is null ? new UnknownEntry(entry) : Load([row])[0];
    }

    public IReadOnlyList<Receipt> ForCustomer(CustomerId customer) =>
        Load(_scope.Query<ReceiptRow>($"SELECT {ReceiptColumns} FROM receipt WHERE customer_id = @Value ORDER BY date, entry_id", new { customer.Value }).ToArray());

    /// <summary>Every receipt (reversed ones too) dated in [from, to].</summary>
    public IReadOnlyList<Receipt> List(DateOnly from, DateOnly to) =>
        Load(_scope.Query<ReceiptRow>(
            $"SELECT {ReceiptColumns} FROM receipt WHERE date >= @From AND date <= @To ORDER BY date, entry_id",
            new { From = SqlFormats.Date(from), To = SqlFormats.Date(to) }).ToArray());

    /// <summary>Every receipt whose reversal is dated in [from, to].</summary>
    internal IReadOnlyList<Receipt> ReversedBetween(DateOnly from, DateOnly to) =>
        Load(_scope.Query<ReceiptRow>(
            $"SELECT {ReceiptColumns} FROM receipt WHERE entry_id IN (SELECT reverses FROM entry WHERE kind = 'reversal' AND date >= @From AND date <= @To) ORDER BY entry_id",
            new { From = SqlFormats.Date(from), To = SqlFormats.Date(to) }).ToArray());

    /// <summary>Reverses the receipt (on its own date, or the replacement's when its own is locked; its allocations go back to the invoices) and posts <paramref name="replacement"/>.</summary>
    public Result<Adjusted<Receipt>> Adjust(EntryId receipt, ReceiptDraft replacement, string reason)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return _scope.Entries.ReverseOfKind(receipt, EntryKind.Receipt, replacement.Date, reason)
            .Then(reversal => Post(replacement).Map(posted => new Adjusted<Receipt>(reversal, posted)));
    }

    /// <summary>Called by <see cref="EntryLedger.Reverse"/>: gives the allocations back to their invoices.</summary>
    internal Result<Unit> MarkReversed(EntryId entry)
    {
        _scope.Execute(
            "UPDATE invoice SET owing = owing + a.amount, home_owing = home_owing + a.home_amount FROM (SELECT invoice_id, amount, home_amount FROM allocation WHERE receipt_id = @Value) a WHERE invoice.entry_id = a.invoice_id",
            new { entry.Value });
        _scope.Execute("UPDATE receipt SET reversed = 1 WHERE entry_id = @Value", new { entry.Value });
        return Unit.Value;
    }

    public static string MethodName(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "cash",
        PaymentMethod.Cheque => "cheque",
        PaymentMethod.CreditCard => "card",
        PaymentMethod.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    private static PaymentMethod ParseMethod(string stored) => stored switch
    {
        "cash" => PaymentMethod.Cash,
        "cheque" => PaymentMethod.Cheque,
        "card" => PaymentMethod.CreditCard,
        _ => PaymentMethod.Other,
    };

    private Result<ReceiptPlan> Plan(ReceiptDraft draft)
    {
        if (!_scope.Customers.Get(draft.Customer).TryGetValue(out var customer, out var error))
        {
            return error;
        }

        var inYear = Ledger.CheckDate(_scope, draft.Date);
        if (!inYear.IsOk)
        {
            return inYear.Error;
        }

        if (!draft.Amount.IsPositive)
        {
            return new InvalidInput("receipt amount", $"{draft.Amount} is not an amount received; give a positive amount.");
        }

        // Before it is converted: the ledger would refuse it too, but at a rate up to 1,000,000 converting an amount
        // beyond the limit can overflow a long first (allocations within the limit each can add up beyond it).
        if (!AmountLimit.Check(draft.Amount, "The receipt").TryGetValue(out _, out var beyond))
        {
            return beyond;
        }

        if (!Documents.CurrencyOf(_scope, draft.Amount.Currency, draft.Date, draft.ExchangeRate).TryGetValue(out var currency, out error))
        {
            return error;
        }

        if (!Allocate(draft, customer).TryGetValue(out var allocations, out error))
        {
            return error;
        }

        var fee = Money.Money.Zero(currency.Currency);
        AccountNumber? feeAccount = null;
        var deposit = draft.DepositAccount ?? _scope.Linked.PrincipalBank;
        string? cardName = null;
        if (draft.Method == PaymentMethod.CreditCard)
        {
            var name = draft.CreditCard ?? "";
            if (!_scope.CreditCardCache.TryGetValue(name, out var found))
            {
                found = _scope.CreditCards.Find(name);
                _scope.CreditCardCache[name] = found;
            }

            if (!found.TryGetValue(out var card, out error))
            {
                return error;
            }

            cardName = card.Name;
            fee = draft.Amount.Multiply(card.FeePercent / 100m, MidpointRounding.AwayFromZero);
            feeAccount = card.FeeAccount;
            deposit = card.DepositAccount;
            if (!Ledger.CheckAccount(_scope, card.FeeAccount).TryGetValue(out _, out error))
            {
                return error;
            }
        }

        if (!Ledger.CheckDepositAccount(_scope, deposit).TryGetValue(out _, out error))
        {
            return error;
        }

        return new ReceiptPlan(customer, currency, allocations, fee, feeAccount, deposit, cardName);
    }

    private Result<IReadOnlyList<Settlement>> Allocate(ReceiptDraft draft, Customer customer)
    {
        if (draft.Allocations.Count == 0)
        {
            return new ReceiptNotAllocated(draft.Amount, Money.Money.Zero(draft.Amount.Currency));
        }

        var settlements = new List<Settlement>();
        var allocated = Money.Money.Zero(draft.Amount.Currency);
        foreach (var allocation in draft.Allocations)
        {
            if (_scope.Sales.Balance(allocation.Invoice) is not { } invoice)
            {
                return new UnknownInvoice("of entry " + allocation.Invoice);
            }

            if (invoice.Customer != customer.Id)
            {
                return new InvoiceOfAnotherCustomer(invoice.Number, customer.Name);
            }

            if (invoice.Reversed)
            {
                return new InvoiceReversed(invoice.Number);
            }

            // Paying an invoice before it exists would leave receivables negative between the two dates, and
            // aged receivables (which counts receipts through their invoices) could not agree with the ledger.
            if (draft.Date < invoice.Date)
            {
                return new ReceiptBeforeInvoice(invoice.Number, draft.Date, invoice.Date);
            }

            if (invoice.Currency != draft.Amount.Currency || allocation.Amount.Currency != invoice.Currency)
            {
                return new CurrencyMismatch(invoice.Currency.Code, allocation.Amount.Currency == invoice.Currency ? draft.Amount.Currency.Code : allocation.Amount.Currency.Code, $"The receipt for invoice {invoice.Number}");
            }

            if (settlements.Any(s => s.Invoice == allocation.Invoice))
            {
                return new InvalidInput("allocations", $"invoice {invoice.Number} is listed twice; allocate to each invoice once.");
            }

            if (!allocation.Amount.IsPositive)
            {
                return new InvalidInput("allocations", $"{allocation.Amount} to invoice {invoice.Number} is not an amount; allocate a positive amount.");
            }

            if (allocation.Amount > invoice.Owing)
            {
                return new ReceiptExceedsOwing(invoice.Number, allocation.Amount, invoice.Owing);
            }

            // The part of the invoice's booked home value this settles: all that is left when it pays the invoice off.
            var home = allocation.Amount == invoice.Owing
                ? invoice.HomeOwing.MinorUnits
                : Money.Money.Round(invoice.HomeOwing.Amount * allocation.Amount.Amount / invoice.Owing.Amount, invoice.HomeOwing.Currency, MidpointRounding.AwayFromZero).MinorUnits;
            settlements.Add(new Settlement(allocation.Invoice, allocation.Amount.MinorUnits, home));
            allocated += allocation.Amount;
        }

        return allocated == draft.Amount ? settlements : new ReceiptNotAllocated(draft.Amount, allocated);
    }

    private Receipt[] Load(IReadOnlyList<ReceiptRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var allocations = _scope.Query<(long Receipt, long Invoice, long Amount)>(
                "SELECT receipt_id, invoice_id, amount FROM allocation WHERE receipt_id IN @Ids ORDER BY receipt_id, invoice_id", new { Ids = rows.Select(r => r.Entry).ToArray() })
            .ToLookup(a => a.Receipt);
        return rows.Select(r =>
        {
            var currency = Currency.Get(r.Currency);
            return new Receipt(
                new EntryId(r.Entry),
                new CustomerId(r.Customer),
                SqlFormats.Date(r.Date),
                Money.Money.FromMinorUnits(r.Amount, currency),
                SqlFormats.Decimal(r.Rate),
                ParseMethod(r.Method),
                r.Reference,
                r.CreditCard,
                new AccountNumber(checked((int)r.DepositAccount)),
                Money.Money.FromMinorUnits(r.Fee, currency),
                allocations[r.Entry].Select(a => new ReceiptAllocation(new EntryId(a.Invoice), Money.Money.FromMinorUnits(a.Amount, currency))).ToArray(),
                r.Reversed != 0);
        }).ToArray();
    }

    private sealed record Settlement(EntryId Invoice, long Amount, long Home);

    private sealed record ReceiptPlan(
        Customer Customer, DocumentCurrency Currency, IReadOnlyList<Settlement> Allocations, Money.Money Fee,
        AccountNumber? FeeAccount, AccountNumber DepositAccount, string? CardName);

    private sealed record ReceiptRow(
        long Entry, long Customer, string Date, string Currency, string Rate, long Amount, long Fee, string Method,
        string? Reference, string? CreditCard, long DepositAccount, long Reversed);
}
