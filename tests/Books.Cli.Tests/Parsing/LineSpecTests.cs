using System.CommandLine;
using System.Globalization;
using BillingBooks.Books.Cli.Parsing;
using CsCheck;

namespace BillingBooks.Books.Cli.Tests.Parsing;

public sealed class LineSpecTests
{
    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz &-'.,éÉ0123456789"], 1, 30]
        .Where(s => s.Trim().Length > 0);

    [Fact]
    public void Any_line_typed_as_description_amount_code_and_account_reads_back_as_typed()
    {
        Gen.Select(Word, Gen.Long[0, 99_999_999], Gen.OneOf("", "GP", "H", "none"), Gen.OneOf<string?>(null, "4020", "4200"))
            .Sample((description, cents, code, account) =>
            {
                var amount = (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                var typed = $"{description};{amount};{code}" + (account is null ? string.Empty : $";{account}");
                var line = Parse(typed);
                Assert.Equal(description.Trim(), line.Description);
                Assert.Equal(amount, line.Amount);
                Assert.Equal(code.Length == 0 ? null : code, line.TaxCode);
                Assert.Equal(account, line.Account);
                Assert.Equal(code switch { "" => null, "none" => string.Empty, _ => code }, line.PostedTaxCode);
            });
    }

    [Fact]
    public void A_line_without_an_amount_is_a_parse_error_naming_the_shape()
    {
        var option = LineSpec.Option();
        var parsed = new RootCommand { option }.Parse(["--line", "Logo"]);
        Assert.Contains(parsed.Errors, e => e.Message.Contains("DESCRIPTION;AMOUNT[;TAXCODE[;ACCOUNT]]", StringComparison.Ordinal));
    }

    private static LineSpec Parse(string typed)
    {
        var option = LineSpec.Option();
        // A value that starts with '-' ("-hourly rate") reads as options ("-h") unless attached with '=', as
        // the option's help says; that is how a person types it.
        string[] args = typed.StartsWith('-') ? ["--line=" + typed] : ["--line", typed];
        var parsed = new RootCommand { option }.Parse(args);
        Assert.Empty(parsed.Errors);
        return Assert.Single(parsed.GetRequiredValue(option));
    }
}
