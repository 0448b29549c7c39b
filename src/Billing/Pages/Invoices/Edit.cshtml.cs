using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillingBooks.Billing.Pages.Invoices;

/// <summary>
/// The invoice and quote editor. The totals shown as you type come from assets/invoice-calculation.js, a port of
/// InvoiceCalculation; saving posts to the API, which computes and validates again (the one source of truth).
/// </summary>
public sealed class EditModel : BooksPage
{
    public const int TaxSlots = 3;
    private const int BlankRows = 3;

    /// <summary>For each line of the request Read built, the form row it came from (blank rows are left out).</summary>
    private readonly List<int> _rowOfLine = [];

    /// <summary>camelCase, and &lt; &gt; &amp; escaped: the JSON is embedded in the page.</summary>
    private static readonly JsonSerializerOptions PageJson = new(JsonSerializerDefaults.Web);

    [FromRoute]
    public string Section { get; set; } = "invoices";

    [FromRoute]
    public string? Id { get; set; }

    public bool IsQuote => Section == "quotes";

    public string Noun => IsQuote ? "Quote" : "Invoice";

    public string Title => Id is null ? "New " + Noun.ToLowerInvariant() : $"Edit {Noun.ToLowerInvariant()} {Value("number")}";

    public IReadOnlyList<(string Value, string Text)> CustomerOptions { get; private set; } = [];

    /// <summary>The taxes of this invoice (saved) or of the chosen customer/profile (new), as the editor shows them.</summary>
    public IReadOnlyList<(string Name, string Rate, string? ChargedOn)> Taxes { get; private set; } = [];

    public int LineRows { get; private set; } = BlankRows;

    public string EditorJson { get; private set; } = "{}";

    public (string Subtotal, string Discount, IReadOnlyList<string> Taxes, string Total) Shown { get; private set; } = ("", "", [], "");

    /// <summary>The API's "lines[N]..." errors go on the row the request's Nth line came from (blank rows were not sent).</summary>
    protected override ErrorPlaces Places => new ErrorPlaces().Rows("lines", "Line", n => n < _rowOfLine.Count ? _rowOfLine[n] : n);

    public async Task<IActionResult> OnGetAsync(string? customer)
    {
        if (ReadOnly)
        {
            // A bookkeeper sees no editor; the document itself is on its own page.
            return LocalRedirect(Id is null ? "/" + Section : $"/{Section}/{Uri.EscapeDataString(Id)}");
        }

        if (Id is not null)
        {
            var invoice = await Api.GetAsync<InvoiceResponse>($"api/v1/{Section}/{Uri.EscapeDataString(Id)}");
            if (Failed(invoice) is { } failed)
            {
                return failed;
            }

            Fill(invoice.Value!);
        }
        else if (customer is not null)
        {
            Values["customerId"] = customer;
        }

        return await PrepareAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ReadOnly)
        {
            // The API refuses it too; say so without trying.
            return StatusCode(403, "Bookkeepers have read-only access to their clients' books.");
        }

        KeepPostedValues();
        var badDate = false;
        var request = Read(ref badDate);
        if (badDate)
        {
            return await PrepareAsync();
        }

        if (Id is not null)
        {
            // The editor has no contact field: an edit keeps the contact the invoice is sent to (it was dropped).
            var current = await Api.GetAsync<InvoiceResponse>($"api/v1/{Section}/{Uri.EscapeDataString(Id)}");
            if (Failed(current) is { } failed)
            {
                return failed;
            }

            request = request with { ContactEmail = current.Value!.ContactEmail };
        }

        var saved = Id is null
            ? await Api.PostAsync<InvoiceResponse>($"api/v1/{Section}", request)
            : await Api.PutAsync<InvoiceResponse>($"api/v1/{Section}/{Uri.EscapeDataString(Id)}", request);
        if (saved.Problem is not null)
        {
            return await ShowAndReloadAsync(saved.Problem, PrepareAsync);
        }

        Notice = $"{Noun} {saved.Value!.Number} is saved.";
        return LocalRedirect($"/{Section}/{saved.Value.Id}");
    }

    private async Task<IActionResult> PrepareAsync()
    {
        var customers = await Api.GetAsync<CustomerList>("api/v1/customers?limit=500");
        var profile = await Api.GetAsync<ProfileDocument>("api/v1/profile");
        if ((Failed(customers) ?? Failed(profile)) is { } failed)
        {
            return failed;
        }

        var list = customers.Value!.Items;
        CustomerOptions = list.Select(c => (c.Id, c.Name)).Prepend(("", "Choose a customer")).ToArray();
        var profileTaxes = Enabled(profile.Value!.Taxes);
        var saved = Id is not null && Values.ContainsKey("savedTaxes")
            ? JsonSerializer.Deserialize<TaxJson[]>(Value("savedTaxes"), PageJson)!
            : null;
        var chosen = list.FirstOrDefault(c => c.Id == Value("customerId"));
        var taxes = saved ?? (chosen is null ? profileTaxes : chosen.Taxes is null ? profileTaxes : Enabled(chosen.Taxes));
        Taxes = taxes.Select(t => (t.Name, t.Rate, t.ChargedOn)).ToArray();
        LineRows = Math.Max(BlankRows, Values.Keys.Where(k => k.StartsWith("lines[", StringComparison.Ordinal)).Select(LineIndex).DefaultIfEmpty(-1).Max() + 2);
        if (Id is null && !Request.HasFormContentType)
        {
            for (var i = 0; i < LineRows; i++)
            {
                Values[Line(i) + ".taxes"] = string.Join('\n', Taxes.Select(t => t.Name));
            }

            Values[Line(0) + ".quantity"] = "1";
        }

        EditorJson = JsonSerializer.Serialize(new
        {
            fixedTaxes = saved is not null,
            profileTaxes,
            customers = list.ToDictionary(c => c.Id, c => new { currency = c.Currency, taxes = c.Taxes is null ? null : Enabled(c.Taxes) }),
            currencies = Money.Currency.All.ToDictionary(c => c.Code, c => c.MinorUnits),
            defaultCurrency = profile.Value.Currency ?? "CAD",
            taxes,
        }, PageJson);
        return Page();
    }

    private static TaxJson[] Enabled(IReadOnlyList<TaxDefinition>? taxes) =>
        (taxes ?? []).Where(t => t.Enabled && t.Name is not null).Select(t => new TaxJson(t.Name!, t.Rate ?? "0", t.ChargedOn)).ToArray();

    private void Fill(InvoiceResponse invoice)
    {
        Values["customerId"] = invoice.CustomerId;
        Values["number"] = invoice.Number;
        Values["date"] = invoice.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Values["dueDate"] = invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Values["reference"] = invoice.Reference;
        Values["description"] = invoice.Description;
        Values["currency"] = invoice.Currency;
        Values["comments"] = invoice.Comments;
        Values["discount.kind"] = invoice.DiscountRule?.Kind;
        Values["discount.value"] = invoice.DiscountRule?.Value;
        Values["savedTaxes"] = JsonSerializer.Serialize(invoice.Taxes.Select(t => new TaxJson(t.Name, t.Rate, t.ChargedOn)), PageJson);
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var l = invoice.Lines[i];
            Values[Line(i) + ".unit"] = l.Unit;
            Values[Line(i) + ".description"] = l.Description;
            Values[Line(i) + ".quantity"] = l.Quantity;
            Values[Line(i) + ".unitPrice"] = l.UnitPrice;
            Values[Line(i) + ".taxes"] = string.Join('\n', l.Taxes);
        }

        Shown = (
            Amounts.Format(invoice.Subtotal, invoice.Currency),
            Amounts.Format(invoice.Discount, invoice.Currency),
            invoice.Taxes.Select(t => Amounts.Format(t.Amount, invoice.Currency)).ToArray(),
            Amounts.Format(invoice.Total, invoice.Currency));
    }

    /// <summary>The request the form describes; <paramref name="badDate"/> is set when a date is not YYYY-MM-DD.</summary>
    private InvoiceRequest Read(ref bool badDate)
    {
        var lines = new List<InvoiceLineRequest>();
        _rowOfLine.Clear();
        var rows = Values.Keys.Where(k => k.StartsWith("lines[", StringComparison.Ordinal)).Select(LineIndex).DefaultIfEmpty(-1).Max() + 1;
        for (var i = 0; i < rows; i++)
        {
            var p = Line(i);
            var taxes = Value(p + ".taxes").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = new InvoiceLineRequest(Posted(p + ".unit"), Posted(p + ".description"), Posted(p + ".quantity"), Posted(p + ".unitPrice"), taxes);
            // A blank row - offered for more lines, or a line cleared to remove it - is no line (the live totals skip
            // it too); the rows kept are remembered so that the API's errors land on the row they are about.
            if (line is { Unit: null, Description: null, Quantity: null or "1", UnitPrice: null })
            {
                continue;
            }

            _rowOfLine.Add(i);
            lines.Add(line);
        }

        var kind = Posted("discount.kind");
        return new InvoiceRequest(
            Posted("customerId"),
            Posted("number"),
            PostedDate("date", ref badDate),
            PostedDate("dueDate", ref badDate),
            Posted("reference"),
            Posted("description"),
            Posted("currency"),
            kind is null ? null : new DiscountRequest(kind, Posted("discount.value")),
            Posted("comments"),
            null,
            lines);
    }

    private static string Line(int i) => string.Create(CultureInfo.InvariantCulture, $"lines[{i}]");

    private static int LineIndex(string key)
    {
        var end = key.IndexOf(']', StringComparison.Ordinal);
        return end > 6 && int.TryParse(key.AsSpan(6, end - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < 500 ? i : -1;
    }

    private sealed record TaxJson(string Name, string Rate, string? ChargedOn);
}
