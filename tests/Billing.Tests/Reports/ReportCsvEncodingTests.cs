using System.Text;
using BillingBooks.Billing.Reports;

namespace BillingBooks.Billing.Tests.Reports;

/// <summary>The reports' CSV files: what Excel needs to read them as UTF-8, and nothing else changed.</summary>
public sealed class ReportCsvEncodingTests
{
    private static readonly string[][] Rows =
    [
        ["Number", "Customer", "Reference", "Total"],
        ["1", "Montréal Café", "", "-5.00"],
        ["2", "Zoé, \"the\" best", "=1+2", "東京 1,000"],
    ];

    [Fact]
    public void A_report_is_utf8_behind_a_byte_order_mark_so_excel_shows_montreal_with_its_accent()
    {
        var bytes = ReportCsv.Encode(Rows);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("text/csv; charset=utf-8", ReportCsv.ContentType);
    }

    [Fact]
    public void After_the_byte_order_mark_the_file_is_the_text_it_was()
    {
        var nl = Environment.NewLine;
        var expected = $"Number,Customer,Reference,Total{nl}1,Montréal Café,,-5.00{nl}2,\"Zoé, \"\"the\"\" best\",\"'=1+2\",\"東京 1,000\"{nl}";

        Assert.Equal(Encoding.UTF8.GetBytes(expected), ReportCsv.Encode(Rows)[3..]);
    }
}
