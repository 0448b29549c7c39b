using System.Text.Encodings.Web;
using System.Text.Json;

namespace BillingBooks.Books.Cli.Output;

/// <summary>camelCase JSON on one line; amounts are strings (the models carry them as text already).</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Output goes to a terminal or a file, never into HTML: keep "é" and "+" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(T value, TextWriter writer)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
