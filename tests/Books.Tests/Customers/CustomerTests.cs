using BillingBooks.Books.Customers;
using BillingBooks.Money;
using Dapper;

namespace BillingBooks.Books.Tests.Customers;

public class CustomerTests
{
    [Fact]
    public void Customer_keeps_every_field()
    {
        using var company = new TestCompany();
        var fields = new CustomerFields("Acme Ltd.", "Wile E.", "1 Desert Rd", "wile@acme.test", "555-0100", new(4200), "GP", Currency.CAD, 15, "billing:42");
        var customer = company.Ok(w => w.Customers.Add(fields));
        Assert.Equal(new Customer(customer.Id, "Acme Ltd.", "Wile E.", "1 Desert Rd", "wile@acme.test", "555-0100", new(4200), "GP", Currency.CAD, 15, true, "billing:42", false), customer);
        Assert.Equal(customer, company.Read(r => r.Customers.FindByExternalReference("billing:42")));
    }

    [Fact]
    public void Customer_names_are_unique_case_insensitively()
    {
        using var company = new TestCompany();
        company.AddCustomer("Acme Ltd.");
        var error = Assert.IsType<DuplicateName>(company.Write(w => w.Customers.Add(new("ACME LTD."))).Error);
        Assert.Equal("A customer named 'ACME LTD.' already exists. Choose another name, or change the existing customer.", error.Message);
    }

    [Fact]
    public void Customer_names_typed_in_either_unicode_form_are_the_same_name()
    {
        // "Café" typed with a combining accent (NFD, as some keyboards and macOS file names give it) looks the same.
        using var company = new TestCompany();
        var decomposed = "Cafe\u0301 Noir";
        var added = company.AddCustomer(decomposed);
        Assert.Equal("Caf\u00e9 Noir", added.Name);
        Assert.Equal(added.Id, company.Read(r => r.Customers.FindByName("Caf\u00e9 Noir")).Value.Id);
        Assert.Equal(added.Id, company.Read(r => r.Customers.FindByName(decomposed)).Value.Id);
        Assert.IsType<DuplicateName>(company.Write(w => w.Customers.Add(new("Caf\u00e9 Noir"))).Error);

        // A name an older Books stored decomposed is still found as typed.
        var old = company.AddCustomer("Old Name");
        company.Ok(w => { w.Connection.Execute("UPDATE customer SET name = @Name WHERE id = @Id", new { Name = "Zoe\u0308 Ltd", Id = old.Id.Value }, w.Transaction); return Result<Unit>.Ok(Unit.Value); });
        Assert.Equal(old.Id, company.Read(r => r.Customers.FindByName("Zoe\u0308 Ltd")).Value.Id);
    }

    [Fact]
    public void External_references_are_unique()
    {
        using var company = new TestCompany();
        company.Ok(w => w.Customers.Add(new("A", ExternalReference: "b-1")));
        Assert.IsType<DuplicateName>(company.Write(w => w.Customers.Add(new("B", ExternalReference: "b-1"))).Error);
    }

    [Fact]
    public void Customer_defaults_must_exist()
    {
        using var company = new TestCompany();
        Assert.IsType<UnknownTaxCode>(company.Write(w => w.Customers.Add(new("A", TaxCode: "ZZ"))).Error);
        Assert.IsType<WrongAccountType>(company.Write(w => w.Customers.Add(new("A", RevenueAccount: new(1060)))).Error);
        Assert.IsType<ForeignCurrencyDisabled>(company.Write(w => w.Customers.Add(new("A", Currency: Currency.USD))).Error);
    }

    [Fact]
    public void Customer_can_be_deactivated_and_marked_deleted_in_billing()
    {
        using var company = new TestCompany();
        var customer = company.AddCustomer("Acme");
        Assert.False(company.Ok(w => w.Customers.SetActive(customer.Id, false)).Active);
        Assert.True(company.Ok(w => w.Customers.SetDeletedInBilling(customer.Id, true)).DeletedInBilling);
        Assert.Empty(company.Read(r => r.Customers.List(includeInactive: false)));
        Assert.Single(company.Read(r => r.Customers.List()));
    }

    [Fact]
    public void Customer_update_changes_fields_but_not_into_a_duplicate()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        company.AddCustomer("Beta");
        Assert.Equal("Acme Inc.", company.Ok(w => w.Customers.Update(acme.Id, new("Acme Inc.", Email: "a@b.test"))).Name);
        Assert.IsType<DuplicateName>(company.Write(w => w.Customers.Update(acme.Id, new("beta"))).Error);
        Assert.IsType<UnknownCustomer>(company.Write(w => w.Customers.Update(new CustomerId(99), new("Zed"))).Error);
    }
}
