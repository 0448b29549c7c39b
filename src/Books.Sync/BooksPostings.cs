using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync.Mapping;
using BillingBooks.Books.Sync.Storage;
using BillingBooks.Money;
using Dapper;

namespace BillingBooks.Books.Sync;

/// <summary>
/// The one place Books.Sync posts through the Books engine: customers, sales, receipts, reversals, and the
/// setup the posting rules read. Everything runs in the caller's write scope (one transaction).
/// </summary>
public sealed class BooksPostings(BooksWrite scope)
{
    /// <summary>Rows written so far in the file (see <see cref="BooksWrite.RowsChanged"/>): did some work write anything?</summary>
    public long RowsChanged => scope.RowsChanged;

    public void Savepoint(string name) => scope.Savepoint(name);

    public void RollbackTo(string name) => scope.RollbackTo(name);

    public void Release(string name) => scope.Release(name);

    public BooksSetup Setup(string file, SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var company = scope.Settings.Get();
        var codes = scope.TaxCodes.List()
            .Select(c => new TaxCodeSetup(c.Code, c.Charged.Select(t => new TaxRate(t.TaxName, t.Rate)).ToList()))
            .ToList();
        var accounts = new SyncAccounts(
            settings.TrackSales ?? scope.LinkedAccounts.Get().DefaultRevenue.Value,
            settings.TrackPayments ?? scope.LinkedAccounts.Get().PrincipalBank.Value,
            settings.PayPalAccount,
            settings.OtherPaymentsAccount);
        return new BooksSetup(
            file,
            company.HomeCurrency,
            company.CashBasis,
            company.AllowForeignCurrency,
            scope.ExchangeRates.Currencies().Select(c => c.Code).ToHashSet(StringComparer.Ordinal),
            codes,
            scope.Taxes.List().Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            scope.CreditCards.List().Select(c => c.Name).ToList(),
            accounts,
            RatesOnce())
        {
            TaxableByOthers = scope.Taxes.List().Where(t => t.TaxableByOtherTaxes).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>
    /// The rate Books takes for a currency on a date - the latest set on or before it - read once per setup (a page holds
    /// many documents). Asked whether foreign currency is allowed or not: the conflict then offers only what is missing.
    /// </summary>
    private Func<Currency, DateOnly, decimal?> RatesOnce()
    {
        var rates = new Dictionary<Currency, IReadOnlyList<ExchangeRate>>();
        return (currency, date) =>
        {
            if (!rates.TryGetValue(currency, out var known)) rates[currency] = known = scope.ExchangeRates.List(currency); // by date
            // Binary search for the last rate on or before the date: daily rates over years, asked for every document.
            int low = 0, high = known.Count - 1, found = -1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (known[middle].Date <= date) (found, low) = (middle, middle + 1);
                else high = middle - 1;
            }

            return found < 0 ? null : known[found].Rate;
        };
    }

    /// <summary>
    /// Creates or updates the Books customer linked to a Billing customer (Billing is the source of truth for
    /// name, contact and address; Books keeps its own revenue account, tax code and terms). An unlinked Books
    /// customer with the same name (case-insensitively) is the same customer: it gets linked, not duplicated.
    /// </summary>
    public CustomerId UpsertCustomer(CustomerDraft draft, string externalReference)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var document = draft.Document;
        var contact = document.Contacts.FirstOrDefault(c => c.IsDefault) ?? document.Contacts.FirstOrDefault();
        var contactName = contact is null ? null : string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var address = string.Join('\n', new[]
        {
            document.Address.Line1, document.Address.Line2,
            string.Join(' ', new[] { document.Address.City, document.Address.Province, document.Address.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p))),
            document.Address.Country,
        }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var existing = scope.Customers.FindByExternalReference(externalReference);
        if (existing is null && scope.Customers.FindByName(draft.Name).TryGetValue(out var sameName, out _) && sameName.ExternalReference is null)
            existing = sameName;
        var name = NameFor(draft.Name, existing?.Id, draft.Source.Id, draft.DeletedInBilling);
        var fields = new CustomerFields(
            name,
            string.IsNullOrEmpty(contactName) ? null : contactName,
            address.Length == 0 ? null : address,
            contact?.Email,
            contact?.Phone ?? document.Phone,
            existing?.RevenueAccount,
            existing?.TaxCode,
            // Books refuses a new currency for a customer with entries: it keeps its own (each invoice carries its currency).
            existing is not null && scope.Customers.HasEntries(existing.Id) ? existing.Currency : CustomerCurrency(document.Currency, existing?.Currency),
            existing?.TermsDays ?? 30,
            externalReference);
        var saved = existing is null ? scope.Customers.Add(fields) : scope.Customers.Update(existing.Id, fields);
        var customer = saved.Value; // fields come from a valid Billing customer: a refusal here is a bug
        if (customer.DeletedInBilling != draft.DeletedInBilling) scope.Customers.SetDeletedInBilling(customer.Id, draft.DeletedInBilling);
        return customer.Id;
    }

    /// <summary>
    /// Gives an imported customer its Billing currency once Books can hold it (allowed and added); until then it keeps
    /// the one it has. False when Books still cannot.
    /// </summary>
    public bool AdoptCurrency(CustomerId customerId, string code)
    {
        if (!Currency.TryGet(code, out var currency) || !scope.ExchangeRates.CheckForeign(currency).IsOk) return false;
        var customer = scope.Customers.Get(customerId).Value; // the sync's own link: it exists
        var fields = new CustomerFields(customer.Name, customer.Contact, customer.Address, customer.Email, customer.Phone, customer.RevenueAccount,
            customer.TaxCode, currency, customer.TermsDays, customer.ExternalReference);
        return scope.Customers.Update(customer.Id, fields).IsOk;
    }

    public int? CustomerRevenueAccount(CustomerId customerId) =>
        scope.Customers.Get(customerId).TryGetValue(out var customer, out _) ? customer.RevenueAccount?.Value : null;

    public Result<EntryId> PostSale(BillingSale sale, CustomerId customerId)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var currency = Currency.Get(sale.Currency);
        var draft = new SaleDraft(
            customerId,
            sale.Number,
            sale.Date,
            sale.Lines.Select(l => new SaleLine(l.Description, l.Amount, l.TaxCode, new AccountNumber(l.RevenueAccount))).ToList(),
            sale.DueDate,
            currency,
            sale.ExchangeRate,
            sale.Taxes.Select(t => new Taxes.TaxAmount(t.Name, t.Amount)).ToList(),
            EntryMemos.Sale(sale));
        return scope.Sales.Post(draft).Map(i => i.Entry);
    }

    public Result<EntryId> PostReceipt(BillingReceipt receipt, CustomerId customerId, IReadOnlyList<(EntryId InvoiceEntry, Money.Money Amount)> allocations)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(allocations);
        var method = receipt.Method switch
        {
            PaymentMethods.Cash => PaymentMethod.Cash,
            PaymentMethods.Cheque => PaymentMethod.Cheque,
            PaymentMethods.CreditCard => PaymentMethod.CreditCard,
            _ => PaymentMethod.Other,
        };
        var draft = new ReceiptDraft(
            customerId,
            receipt.Date,
            receipt.Amount,
            method,
            allocations.Select(a => new ReceiptAllocation(a.InvoiceEntry, a.Amount)).ToList(),
            receipt.Reference,
            receipt.CardName,
            receipt.DepositAccount is { } account ? new AccountNumber(account) : null,
            null,
            EntryMemos.Receipt(receipt));
        return scope.Receipts.Post(draft).Map(r => r.Entry);
    }

    /// <summary>
    /// Reverses an entry on its own date, so Books' history by date matches Billing's - or, for an invoice whose
    /// receipt a user reversed later in Books, on that later day (the earliest on which receivables stay right).
    /// </summary>
    public Result<EntryId> Reverse(EntryId entry, string reason) =>
        scope.Entries.EarliestReversalDate(entry).Then(date => scope.Entries.Reverse(entry, date, reason));

    /// <summary>The number of the invoice posted as <paramref name="invoiceEntry"/>.</summary>
    public string InvoiceNumber(EntryId invoiceEntry) => scope.Sales.Get(invoiceEntry).Value.Number;

    /// <summary>The entry of the invoice in force with this number, if any.</summary>
    public EntryId? InvoiceEntry(string number) => scope.Sales.FindByNumber(number)?.Entry;

    public IReadOnlyList<EntryId> LiveReceiptsAllocatedTo(EntryId invoiceEntry) =>
        scope.Connection.Query<long>(
            "SELECT a.receipt_id FROM allocation a JOIN receipt r ON r.entry_id = a.receipt_id WHERE a.invoice_id = @Value AND r.reversed = 0 ORDER BY a.receipt_id",
            new { invoiceEntry.Value }, scope.Transaction).Select(r => new EntryId(r)).ToList();

    /// <summary>
    /// A name taken by another Books customer gets the Billing id appended (names are unique in Books) - unless the
    /// holder is a customer deleted in Billing and this one is live: Billing reused the name, so the live customer,
    /// the one still invoiced, gets it, and the deleted one takes the suffix.
    /// </summary>
    private string NameFor(string name, CustomerId? self, string billingId, bool deleted)
    {
        if (!scope.Customers.FindByName(name).TryGetValue(out var holder, out _) || holder.Id == self) return name;
        if (!deleted && holder.DeletedInBilling && holder.ExternalReference is { } reference && reference.LastIndexOf('/') is var slash and >= 0)
        {
            var renamed = new CustomerFields($"{holder.Name} (Billing {reference[(slash + 1)..]})", holder.Contact, holder.Address, holder.Email, holder.Phone,
                holder.RevenueAccount, holder.TaxCode, holder.Currency, holder.TermsDays, holder.ExternalReference);
            if (scope.Customers.Update(holder.Id, renamed).IsOk) return name;
        }

        return $"{name} (Billing {billingId})";
    }

    private Currency? CustomerCurrency(string code, Currency? current)
    {
        if (!Currency.TryGet(code, out var currency)) return current;
        return scope.ExchangeRates.CheckForeign(currency).IsOk ? currency : current;
    }
}
