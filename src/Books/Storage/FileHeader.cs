using System.Text;

namespace BillingBooks.Books.Storage;

/// <summary>
/// The first 100 bytes of a SQLite file, read before SQLite itself touches the file, so a text file, an empty
/// file or someone else's data is refused without SQLite creating or changing anything.
/// </summary>
internal static class FileHeader
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>Null when the file starts like a SQLite database; otherwise why it does not.</summary>
    public static string? Problem(string path)
    {
        var header = new byte[100];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            return "the file is empty";
        }

        if (read < header.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return "it is not a SQLite database";
        }

        return null;
    }
}
