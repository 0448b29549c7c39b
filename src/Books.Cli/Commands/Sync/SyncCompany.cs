using System.CommandLine;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Cli.Commands.Sync;

/// <summary>Opens the company file named by --file / BOOKS_FILE for the sync commands.</summary>
internal static class SyncCompany
{
    public static int With(CliContext cli, ParseResult parsed, Func<CompanyFile, int> work)
    {
        if (!cli.TryGetCompanyPath(parsed, out var path))
            return cli.Refuse($"no company file given; pass --file FILE or set {CliContext.FileVariable}=FILE");
        if (!CompanyFile.Open(path, cli.Time).TryGetValue(out var company, out var error))
            return cli.Refuse(error.Message);
        using (company)
        {
            return work(company);
        }
    }
}
