using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Changes;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using BillingBooks.Money;

namespace BillingBooks.Billing.Payments;

/// <summary>Payments in SQL, and their effect on the invoices they pay. Every query takes the account first.</summary>
public static class PaymentStore
{
    public static async Task<(PaymentDocument Document, int Version)?> GetAsync(Session session, AccountId account, PaymentId id)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.QuerySingleOrDefaultAsync<Row>(
            "SELECT doc AS Doc, version AS Version FROM payments WHERE account_id = @account AND id = @id AND deleted = 0",
            new { account = account.Value, id = id.Value }).ConfigureAwait(false);
        return row is null ? null : (JsonSerializer.Deserialize<PaymentDocument>(row.Doc, Json.Options)!, checked((int)row.Version));
    }

    public static async Task<(IReadOnlyList<PaymentDocument> Items, int Total)> ListAsync(Session session, AccountId account, long? customer, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string where = "WHERE account_id = @account AND deleted = 0 AND (@customer IS NULL OR customer_id = @customer)";
        var parameters = new { account = account.Value, customer, offset, limit };
        var total = await session.QuerySingleAsync<long>($"SELECT COUNT(*) FROM payments {where}", parameters).ConfigureAwait(false);
        var docs = await session.QueryAsync<string>($"SELECT doc FROM payments {where} ORDER BY date DESC, id DESC LIMIT @limit OFFSET @offset", parameters).ConfigureAwait(false);
        return (docs.Select(d => JsonSerializer.Deserialize<PaymentDocument>(d, Json.Options)!).ToArray(), checked((int)total));
    }

    /// <summary>
    /// Checks each application against its invoice (same customer and currency, payable, dated on or after the invoice,
    /// not above owing) and applies it.
    /// </summary>
    public static async Task<BillingError?> ApplyAsync(AccountWrite write, PaymentRules.ValidPayment payment)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(payment);
        var errors = new FieldErrors();
        var updates = new List<(InvoiceState State, long Paid)>();
        for (var i = 0; i < payment.Applications.Count; i++)
        {
            var (invoiceId, amount) = payment.Applications[i];
            var at = $"applications[{i}]";
            var invoice = await InvoiceStore.GetAsync(write, write.Account, InvoiceKinds.Invoice, new InvoiceId(invoiceId)).ConfigureAwait(false);
            if (invoice is null)
            {
                // Quotes share the invoices' ids: a quote's id is a likely mistake, and deserves more than "no such invoice".
                var quote = await InvoiceStore.GetAsync(write, write.Account, InvoiceKinds.Quote, new InvoiceId(invoiceId)).ConfigureAwait(false);
                errors.Add($"{at}.invoiceId", quote is null
                    ? $"there is no invoice '{invoiceId}' in these books"
                    : $"'{invoiceId}' is quote {quote.State.Number}, not an invoice; a quote takes no payments: convert it to an invoice first (POST /api/v1/quotes/{invoiceId}/convert), then apply the payment to that invoice");
                continue;
            }

            var state = invoice.State;
            if (!state.IsSentFamily)
            {
                errors.Add($"{at}.invoiceId", $"invoice {state.Number} is {state.Stage}; payments apply only to sent invoices (mark it sent first)");
                continue;
            }

            if (state.CustomerId != payment.CustomerId)
            {
                errors.Add($"{at}.invoiceId", $"invoice {state.Number} belongs to another customer; a payment applies to one customer's invoices");
                continue;
            }

            if (state.Currency != payment.Currency.Code)
            {
                errors.Add($"{at}.invoiceId", $"invoice {state.Number} is in {state.Currency}, the payment in {payment.Currency.Code}; they must agree");
                continue;
            }

            // Nothing can be owed on an invoice before its date, and Books applies no receipt before it; refusing here
            // keeps the pair from disagreeing later (a payment Books could only report as a conflict).
            if (payment.Document.Date < state.Date)
            {
                errors.Add("date", string.Create(CultureInfo.InvariantCulture,
                    $"invoice {state.Number} is dated {state.Date:yyyy-MM-dd}; a payment cannot be dated before an invoice it pays: date it {state.Date:yyyy-MM-dd} or later"));
                continue;
            }

            var owing = invoice.Total - invoice.Paid;
            if (amount > owing)
            {
                errors.Add($"{at}.amount", $"invoice {state.Number} owes {Money.Money.FromMinorUnits(owing, payment.Currency).ToDecimalString()}; a payment cannot apply more than is owing");
                continue;
            }

            updates.Add((state, invoice.Paid + amount));
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        foreach (var (state, paid) in updates)
        {
            await InvoiceStore.SaveAsync(write, state, paid).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>The date of the earliest payment applied to an invoice, if any (an edit may not date the invoice after it).</summary>
    public static async Task<DateOnly?> EarliestPaymentDateAsync(AccountWrite write, long invoiceId)
    {
        ArgumentNullException.ThrowIfNull(write);
        var date = await write.QuerySingleAsync<string?>(
            "SELECT MIN(p.date) FROM payment_applications a JOIN payments p ON p.id = a.payment_id " +
            "WHERE a.account_id = @account AND a.invoice_id = @invoice AND p.account_id = @account",
            new { account = write.Account.Value, invoice = invoiceId }).ConfigureAwait(false);
        return date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Takes a payment's applications off its invoices (before an edit or a delete): they owe again.</summary>
    public static async Task UnapplyAsync(AccountWrite write, PaymentDocument payment)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(payment);
        var currency = Currency.Get(payment.Currency);
        foreach (var application in payment.Applications)
        {
            var invoice = await InvoiceStore.GetAsync(write, write.Account, InvoiceKinds.Invoice, new InvoiceId(long.Parse(application.InvoiceId, CultureInfo.InvariantCulture))).ConfigureAwait(false);
            if (invoice is not null)
            {
                // In Money, so that a payment and invoice in different currencies (a bug) throws instead of mixing units.
                var paid = Money.Money.FromMinorUnits(invoice.Paid, Currency.Get(invoice.State.Currency)) - Money.Money.Parse(application.Amount, currency);
                await InvoiceStore.SaveAsync(write, invoice.State, paid.MinorUnits).ConfigureAwait(false);
            }
        }

        await write.ExecuteAsync(
            "DELETE FROM payment_applications WHERE account_id = @account AND payment_id = @id",
            new { account = write.Account.Value, id = long.Parse(payment.Id, CultureInfo.InvariantCulture) }).ConfigureAwait(false);
    }

    public static async Task<long> InsertAsync(AccountWrite write, PaymentRules.ValidPayment payment)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(payment);
        return await write.QuerySingleAsync<long>(
            "INSERT INTO payments (account_id, customer_id, currency, amount, date, deleted, version, doc) VALUES (@account, @customer, @currency, @amount, @date, 0, 0, '{}') RETURNING id",
            new
            {
                account = write.Account.Value,
                customer = payment.CustomerId,
                currency = payment.Currency.Code,
                amount = payment.Amount,
                date = payment.Document.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }).ConfigureAwait(false);
    }

    public static async Task SaveAsync(AccountWrite write, long id, PaymentRules.ValidPayment payment, int version, bool deleted)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(payment);
        var document = payment.Document with { Id = id.ToString(CultureInfo.InvariantCulture) };
        await write.ExecuteAsync(
            "UPDATE payments SET customer_id = @customer, currency = @currency, amount = @amount, date = @date, deleted = @deleted, version = @version, doc = @doc " +
            "WHERE account_id = @account AND id = @id",
            new
            {
                account = write.Account.Value,
                id,
                customer = payment.CustomerId,
                currency = payment.Currency.Code,
                amount = payment.Amount,
                date = document.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                deleted = deleted ? 1L : 0L,
                version = (long)version,
                doc = JsonSerializer.Serialize(document, Json.Options),
            }).ConfigureAwait(false);
        if (!deleted)
        {
            foreach (var (invoiceId, amount) in payment.Applications)
            {
                await write.ExecuteAsync(
                    "INSERT INTO payment_applications (payment_id, invoice_id, account_id, amount) VALUES (@id, @invoice, @account, @amount)",
                    new { id, invoice = invoiceId, account = write.Account.Value, amount }).ConfigureAwait(false);
            }
        }

        await Feed.WriteAsync(write, ChangeKinds.Payment, id, deleted, document).ConfigureAwait(false);
    }

    private sealed record Row(string Doc, long Version);
}
