using PdfSharp.Fonts;

namespace BillingBooks.Billing.Pdf;

/// <summary>
/// PDFsharp 6 has no fonts of its own on Linux: it embeds DejaVu Sans (Debian's fonts-dejavu-core, also present
/// on most Linux systems), looked up in the usual font folders.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
        Path.Combine(AppContext.BaseDirectory, "fonts"),
    ];

    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = new PdfFonts();
        return true;
    });

    /// <summary>Installs the resolver once per process (PDFsharp allows setting it only once).</summary>
    public static void EnsureInstalled() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException($"{faceName}.ttf is missing: install the fonts-dejavu-core package (apt-get install fonts-dejavu-core).");
    }
}
