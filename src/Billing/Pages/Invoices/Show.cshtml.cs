using System.Globalization;
using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Invoices;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Invoices;

/// <summary>An invoice or quote, with its actions: send (dialog), mark sent, record a payment, void, delete, convert, PDF.</summary>
public sealed class ShowModel : BooksPage
{
    private string? _panel;

    [FromRoute]
    public string Section { get; set; } = "invoices";

    [FromRoute]
    public long Id { get; set; }

    public bool IsQuote => Section == "quotes";

    public string Noun => IsQuote ? "Quote" : "Invoice";

    public InvoiceResponse? Invoice { get; private set; }

    public CustomerResponse? Customer { get; private set; }

    /// <summary>For a converted quote: the number of the invoice it became (null when that invoice is deleted).</summary>
    public string? ConvertedInvoiceNumber { get; private set; }

    private string Path => string.Create(CultureInfo.InvariantCulture, $"api/v1/{Section}/{Id}");

    public bool OpenPanel(string name) => _panel == name;

    /// <summary>
    /// The dialogs' own layout: the send dialog's addresses (ticked or typed) share one error; the payment form has
    /// one amount for this invoice, so its one application's errors ("applications[0].amount") are that field's; the
    /// repeat dialog has one box for the addresses ("Recipient 2: ...") and shows the repeated invoice's own errors.
    /// </summary>
    protected override ErrorPlaces Places => _panel switch
    {
        "send" => new ErrorPlaces().Into("recipients", "recipients"),
        "payment" => new ErrorPlaces().Into("applications", "amount", named: false),
        "repeat" => new ErrorPlaces().Into("recipients", "autoSend").Into("template", "template"),
        _ => ErrorPlaces.AsNamed,
    };

    public bool IsRecipient(string email) =>
        Values.TryGetValue("recipients", out var chosen)
            ? (chosen ?? "").Split('\n').Contains(email, StringComparer.OrdinalIgnoreCase)
            : string.Equals(email, Invoice?.ContactEmail, StringComparison.OrdinalIgnoreCase);

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnGetPdfAsync()
    {
        var pdf = await Api.GetFileAsync(Path + "/pdf");
        if (pdf.Problem is not null)
        {
            return Show(pdf.Problem);
        }

        var invoice = await Api.GetAsync<InvoiceResponse>(Path);
        return File(pdf.Value!.Content, "application/pdf", invoice.Value is null ? "invoice.pdf" : InvoiceDeliveryEndpoints.FileName(invoice.Value));
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        KeepPostedValues();
        var recipients = Value("recipients").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(Value("otherRecipients").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
        var sent = await Api.PostAsync<InvoiceResponse>(Path + "/send", new SendRequest(recipients, Posted("subject"), Posted("message"), Checked("attachPdf"), Checked("sendCopy")));
        return await AfterAsync(sent, "send", $"The {Noun.ToLowerInvariant()} is sent to {string.Join(", ", recipients)}.");
    }

    public async Task<IActionResult> OnPostMarkSentAsync() =>
        await AfterAsync(await Api.PostAsync<InvoiceResponse>(Path + "/mark-sent", null), null, $"The {Noun.ToLowerInvariant()} is marked as sent.");

    public async Task<IActionResult> OnPostVoidAsync() =>
        await AfterAsync(await Api.PostAsync<InvoiceResponse>(Path + "/void", null), null, "The invoice is void; its customer link no longer opens it.");

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var deleted = await Api.DeleteAsync(Path);
        if (deleted.Problem is not null)
        {
            return await AfterAsync(deleted, null, "");
        }

        Notice = $"The {Noun.ToLowerInvariant()} is deleted.";
        return LocalRedirect("/" + Section);
    }

    public async Task<IActionResult> OnPostConvertAsync()
    {
        KeepPostedValues();
        if (!Checked("confirm"))
        {
            _panel = "convert";
            Errors = new Dictionary<string, string[]> { ["confirm"] = ["tick the box to confirm the conversion"] };
            return await LoadAsync();
        }

        var invoice = await Api.PostAsync<InvoiceResponse>(Path + "/convert", null);
        if (invoice.Problem is not null)
        {
            return await AfterAsync(invoice, null, "");
        }

        Notice = $"Draft invoice {invoice.Value!.Number} is made from the quote.";
        return LocalRedirect("/invoices/" + invoice.Value.Id);
    }

    /// <summary>A recurring invoice with this one as its template (the API keeps the gap between date and due date).</summary>
    public async Task<IActionResult> OnPostRepeatAsync()
    {
        KeepPostedValues();
        var current = await Api.GetAsync<InvoiceResponse>(Path);
        if (Failed(current) is { } failed)
        {
            return failed;
        }

        var i = current.Value!;
        var badDate = false;
        var start = PostedDate("startDate", ref badDate);
        var stop = PostedDate("stopDate", ref badDate);
        if (badDate)
        {
            _panel = "repeat";
            return await LoadAsync();
        }

        var template = new InvoiceRequest(
            i.CustomerId, null, start, start?.AddDays(i.DueDate.DayNumber - i.Date.DayNumber), i.Reference, i.Description, i.Currency, i.DiscountRule, i.Comments, i.ContactEmail,
            i.Lines.Select(l => new InvoiceLineRequest(l.Unit, l.Description, l.Quantity, l.UnitPrice, l.Taxes)).ToArray());
        var recipients = Value("autoSend").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var made = await Api.PostAsync<RecurringResponse>("api/v1/recurring", new RecurringRequest(
            template, Posted("frequency"), start, stop, recipients));
        if (made.Problem is null)
        {
            Notice = "The invoice repeats " + made.Value!.Frequency + "; see Recurring.";
            return LocalRedirect("/recurring");
        }

        return await AfterAsync(made, "repeat", "");
    }

    public async Task<IActionResult> OnPostPaymentAsync()
    {
        KeepPostedValues();
        var current = await Api.GetAsync<InvoiceResponse>(Path);
        if (Failed(current) is { } failed)
        {
            return failed;
        }

        var amount = Posted("amount");
        var badDate = false;
        var date = PostedDate("date", ref badDate);
        if (badDate)
        {
            _panel = "payment";
            return await LoadAsync();
        }

        var payment = new PaymentRequest(
            current.Value!.CustomerId,
            date,
            amount,
            current.Value.Currency,
            Posted("method"),
            Posted("cardBrand"),
            Posted("chequeNumber"),
            Posted("reference"),
            [new PaymentApplicationDocument(current.Value.Id, amount ?? "")]);
        var recorded = await Api.PostAsync<PaymentDocument>("api/v1/payments", payment);
        // The notice names what was recorded: the typed amount may not be one (it crashed the page on "1,00").
        return await AfterAsync(recorded, "payment", recorded.Value is { } paid ? $"A payment of {Amounts.Format(paid.Amount, paid.Currency)} is recorded." : "");
    }

    private Task<IActionResult> AfterAsync<T>(ApiResult<T> result, string? panel, string notice)
    {
        _panel = panel;
        return AfterAsync(result, notice, string.Create(CultureInfo.InvariantCulture, $"/{Section}/{Id}"), LoadAsync);
    }

    private async Task<IActionResult> LoadAsync()
    {
        var invoice = await Api.GetAsync<InvoiceResponse>(Path);
        if (Failed(invoice) is { } failed)
        {
            return failed;
        }

        Invoice = invoice.Value!;
        var customer = await Api.GetAsync<CustomerResponse>("api/v1/customers/" + Invoice.CustomerId);
        Customer = customer.Value;
        if (Invoice.ConvertedToInvoiceId is { } convertedId)
        {
            ConvertedInvoiceNumber = (await Api.GetAsync<InvoiceResponse>("api/v1/invoices/" + Uri.EscapeDataString(convertedId))).Value?.Number;
        }
        // Defaults for the dialogs, unless the user typed something (a failed post keeps it).
        var profile = Values.ContainsKey("subject") && Values.ContainsKey("amount") ? null : await Api.GetAsync<ProfileDocument>("api/v1/profile");
        if (!Values.ContainsKey("subject"))
        {
            var company = profile?.Value?.CompanyName ?? profile?.Value?.ContactName ?? Session?.Email;
            Values["subject"] = $"New {Noun.ToLowerInvariant()} from {company}";
            Values["attachPdf"] = "true";
        }

        if (!Values.ContainsKey("amount"))
        {
            // Today where the business is (the profile's time zone), on the service's clock: the UTC day is tomorrow
            // in Canada every evening.
            var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            var today = profile?.Value is { } p ? Profiles.Today(p, clock) : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Values["date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Values["amount"] = Invoice.Owing;
            Values["method"] = "cheque";
        }

        return Page();
    }
}
