using BillingBooks.Books.Taxes;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Taxes;

public class TaxTests
{
    [Fact]
    public void HST_code_charges_13_percent()
    {
        using var company = new TestCompany();
        var taxes = company.Read(r => r.TaxCodes.Compute(Cad(100m), "H")).Value;
        Assert.Equal([new TaxAmount("HST", Cad(13m))], taxes);
    }

    [Fact]
    public void GP_code_charges_GST_and_PST_separately()
    {
        using var company = new TestCompany();
        var taxes = company.Read(r => r.TaxCodes.Compute(Cad(200m), "GP")).Value;
        Assert.Equal([new TaxAmount("GST", Cad(10m)), new TaxAmount("PST", Cad(14m))], taxes);
    }

    [Fact]
    public void Exempt_and_no_tax_codes_charge_nothing()
    {
        using var company = new TestCompany();
        Assert.Empty(company.Read(r => r.TaxCodes.Compute(Cad(100m), "E")).Value);
        Assert.Empty(company.Read(r => r.TaxCodes.Compute(Cad(100m), "")).Value);
    }

    [Fact]
    public void Compound_tax_is_charged_on_the_amount_plus_the_taxable_tax()
    {
        using var company = new TestCompany();
        company.Ok(w => w.Taxes.Update("GST", new Tax("GST", new(2310), TaxableByOtherTaxes: true)));
        var taxes = company.Read(r => r.TaxCodes.Compute(Cad(100m), "GQ")).Value;
        // GST 5.00 on 100; QST 9.975% on 105 = 10.47375 -> 10.47.
        Assert.Equal([new TaxAmount("GST", Cad(5m)), new TaxAmount("QST", Cad(10.47m))], taxes);
    }

    [Fact]
    public void Tax_is_rounded_once_per_tax_per_document()
    {
        using var company = new TestCompany();
        // Three lines of 0.10 at 13%: 0.013 each; rounded per line 0.03, rounded once 0.039 -> 0.04.
        var taxes = company.Read(r => r.TaxCodes.Compute([(Cad(0.10m), "H"), (Cad(0.10m), "H"), (Cad(0.10m), "H")])).Value;
        Assert.Equal([new TaxAmount("HST", Cad(0.04m))], taxes);
    }

    [Fact]
    public void Tax_rounds_half_away_from_zero()
    {
        using var company = new TestCompany();
        Assert.Equal(Cad(0.03m), company.Read(r => r.TaxCodes.Compute(Cad(0.50m), "G")).Value[0].Amount);
        Assert.Equal(Cad(-0.03m), company.Read(r => r.TaxCodes.Compute(Cad(-0.50m), "G")).Value[0].Amount);
    }

    [Fact]
    public void FindExact_matches_the_code_with_exactly_those_taxes_and_rates()
    {
        using var company = new TestCompany();
        Assert.Equal("GP", company.Read(r => r.TaxCodes.FindExact([("pst", 7m), ("GST", 5.0m)]))?.Code);
        Assert.Equal("H", company.Read(r => r.TaxCodes.FindExact([("HST", 13m)]))?.Code);
        Assert.Equal("", company.Read(r => r.TaxCodes.FindExact([]))?.Code);
        Assert.Null(company.Read(r => r.TaxCodes.FindExact([("HST", 15m)])));
        Assert.Equal("G", company.Read(r => r.TaxCodes.FindExact([("GST", 5m)]))?.Code);
        Assert.Null(company.Read(r => r.TaxCodes.FindExact([("GST", 5m), ("GST", 5m)])));
    }

    [Fact]
    public void Tax_codes_are_unique_and_name_known_taxes()
    {
        using var company = new TestCompany();
        Assert.IsType<DuplicateName>(company.Write(w => w.TaxCodes.Add(new TaxCode("h", "again", []))).Error);
        Assert.IsType<UnknownTax>(company.Write(w => w.TaxCodes.Add(new TaxCode("X", "?", [new("VAT", 20m, TaxStatus.Taxable)]))).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.TaxCodes.Add(new TaxCode("X", "?", [new("GST", 120m, TaxStatus.Taxable)]))).Error);
        var h15 = company.Ok(w => w.TaxCodes.Add(new TaxCode("H15", "HST 15%", [new("HST", 15m, TaxStatus.Taxable)])));
        Assert.Equal("H15", company.Read(r => r.TaxCodes.FindExact([("HST", 15m)]))?.Code);
        var found = company.Read(r => r.TaxCodes.Get("h15")).Value;
        Assert.Equal(h15.Code, found.Code);
        Assert.Equal([new TaxCodeTax("HST", 15m, TaxStatus.Taxable)], found.Taxes);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("NONE")]
    public void A_tax_code_named_none_is_refused_because_a_sale_line_uses_none_for_no_tax(string code)
    {
        using var company = new TestCompany();
        var error = Assert.IsType<InvalidInput>(company.Write(w => w.TaxCodes.Add(new TaxCode(code, "?", [new("GST", 5m, TaxStatus.Taxable)]))).Error);
        Assert.Equal($"tax code: '{code}' is reserved: a sale line's tax code \"none\" means no tax. Choose another code, e.g. N.", error.Message);
    }

    [Theory]
    [InlineData("X;7")]
    [InlineData("G=5")]
    [InlineData("G:P")]
    [InlineData("G,P")]
    [InlineData("\"GP\"")]
    [InlineData("ABCDEFGHIJKLM")]
    public void A_tax_code_with_other_characters_than_letters_digits_dash_dot_and_underscore_is_refused(string code)
    {
        using var company = new TestCompany();
        var error = Assert.IsType<InvalidInput>(company.Write(w => w.TaxCodes.Add(new TaxCode(code, "?", [new("GST", 5m, TaxStatus.Taxable)]))).Error);
        Assert.Equal($"tax code: '{code}' is not a tax code; use up to 12 letters, digits, '-', '.' or '_' (no spaces or ';'), e.g. GP.", error.Message);
        Assert.False(company.Read(r => r.TaxCodes.Get(code)).IsOk);
    }

    [Theory]
    [InlineData("G5P7-2")]
    [InlineData("Q9.975")]
    [InlineData("H_15")]
    [InlineData("G5Q9.975")] // Quebec's GST + QST, as the sync names it
    [InlineData("G5P7E1.5-2")]
    public void A_tax_code_like_those_the_sync_suggests_is_accepted(string code)
    {
        using var company = new TestCompany();
        Assert.Equal(code, company.Ok(w => w.TaxCodes.Add(new TaxCode(code, "?", [new("GST", 5m, TaxStatus.Taxable)]))).Code);
    }

    [Fact]
    public void Tax_names_are_unique_and_tracked_in_a_liability_account()
    {
        using var company = new TestCompany();
        Assert.IsType<DuplicateName>(company.Write(w => w.Taxes.Add(new Tax("gst", new(2310), false))).Error);
        Assert.IsType<WrongAccountType>(company.Write(w => w.Taxes.Add(new Tax("VAT", new(4020), false))).Error);
        Assert.Equal("VAT", company.Ok(w => w.Taxes.Add(new Tax("VAT", new(2310), false))).Name);
    }

    [Fact]
    public void Tax_code_in_use_by_a_customer_cannot_be_removed()
    {
        using var company = new TestCompany();
        company.AddCustomer("Acme", taxCode: "GP");
        Assert.IsType<TaxInUse>(company.Write(w => w.TaxCodes.Remove("GP")).Error);
        company.Ok(w => w.TaxCodes.Remove("GQ"));
        Assert.IsType<UnknownTaxCode>(company.Read(r => r.TaxCodes.Get("GQ")).Error);
    }
}
