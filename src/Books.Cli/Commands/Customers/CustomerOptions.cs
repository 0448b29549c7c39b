using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Customers;

namespace BillingBooks.Books.Cli.Commands.Customers;

/// <summary>The customer fields shared by `customers add` and `customers edit`; edit keeps what is not given.</summary>
internal sealed class CustomerOptions
{
    private readonly Option<string?> _contact = new("--contact") { Description = "The contact person.", HelpName = "NAME" };
    private readonly Option<string?> _address = new("--address") { Description = "The customer's address.", HelpName = "ADDRESS" };
    private readonly Option<string?> _email = new("--email") { Description = "The customer's email address.", HelpName = "EMAIL" };
    private readonly Option<string?> _phone = new("--phone") { Description = "The customer's phone number.", HelpName = "PHONE" };
    private readonly Option<string?> _taxCode = new("--tax-code") { Description = "The default tax code of the customer's sale lines, e.g. GP.", HelpName = "CODE" };
    private readonly Option<int?> _terms = new("--terms") { Description = "Days until an invoice is due (30 if never given).", HelpName = "DAYS" };
    private readonly Option<Money.Currency?> _currency = Options.Currency("--currency", "The currency the customer is invoiced in (a foreign one must be set up).");
    private readonly Option<BillingBooks.Books.Accounts.AccountNumber?> _revenue = Options.Account("--revenue-account", "The customer's default revenue account.");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _contact, _address, _email, _phone, _taxCode, _terms, _currency, _revenue })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The fields typed, over <paramref name="existing"/> (the customer being edited, or new fields).</summary>
    public CustomerFields Apply(ParseResult parsed, CustomerFields existing) => existing with
    {
        Contact = parsed.GetValue(_contact) ?? existing.Contact,
        Address = parsed.GetValue(_address) ?? existing.Address,
        Email = parsed.GetValue(_email) ?? existing.Email,
        Phone = parsed.GetValue(_phone) ?? existing.Phone,
        TaxCode = parsed.GetValue(_taxCode) ?? existing.TaxCode,
        TermsDays = parsed.GetValue(_terms) ?? existing.TermsDays,
        Currency = parsed.GetValue(_currency) ?? existing.Currency,
        RevenueAccount = parsed.GetValue(_revenue) ?? existing.RevenueAccount,
    };

    public static CustomerFields Fields(Customer customer) => new(
        customer.Name,
        customer.Contact,
        customer.Address,
        customer.Email,
        customer.Phone,
        customer.RevenueAccount,
        customer.TaxCode,
        customer.Currency,
        customer.TermsDays,
        customer.ExternalReference);
}
