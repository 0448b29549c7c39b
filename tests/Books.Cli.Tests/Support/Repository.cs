using System.Runtime.CompilerServices;

namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>The repository's root folder, found from this source file (tests run from the checkout).</summary>
public static class Repository
{
    public static string Root([CallerFilePath] string caller = "")
    {
        for (var folder = Path.GetDirectoryName(caller); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "BillingBooks.slnx")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No BillingBooks.slnx above {caller}.");
    }
}
