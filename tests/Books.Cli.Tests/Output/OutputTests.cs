using System.Globalization;
using BillingBooks.Books.Cli.Output;

namespace BillingBooks.Books.Cli.Tests.Output;

public sealed class OutputTests
{
    private static Grid Sample() => new Grid(new Column("Name"), Column.Amount("Amount"))
        .Add("Rent, March", "1200.00")
        .Add("Say \"hi\"\nthere", "5.75")
        .AddFooter("Total", "1205.75");

    [Fact]
    public void Csv_quotes_fields_with_commas_quotes_and_line_breaks_and_ends_lines_with_CRLF()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Csv.Write(Sample(), writer);
        Assert.Equal("Name,Amount\r\n\"Rent, March\",1200.00\r\n\"Say \"\"hi\"\"\nthere\",5.75\r\nTotal,1205.75\r\n", writer.ToString());
    }

    [Fact]
    public void Plain_tables_align_text_left_and_amounts_right_with_a_rule_before_totals()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        PlainTable.Write(new Grid(new Column("Name"), Column.Amount("Amount")).Add("Rent", "1200.00").Add("Fee", "5.75").AddFooter("Total", "1205.75"), writer);
        Assert.Equal("Name    Amount\n-----  -------\nRent   1200.00\nFee       5.75\n-----  -------\nTotal  1205.75\n", writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_terminal_gets_a_boxed_table_with_every_cell()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SpectreTable.Write(Sample(), writer);
        var text = writer.ToString();
        Assert.Contains("Rent, March", text, StringComparison.Ordinal);
        Assert.Contains("1205.75", text, StringComparison.Ordinal);
        Assert.Contains("╭", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_camel_case_on_one_line_with_text_kept_readable()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Json.Write(new { AsOf = "2026-03-31", Name = "Café + Co", Amount = "1.50" }, writer);
        Assert.Equal("{\"asOf\":\"2026-03-31\",\"name\":\"Café + Co\",\"amount\":\"1.50\"}\n", writer.ToString().ReplaceLineEndings("\n"));
    }
}
