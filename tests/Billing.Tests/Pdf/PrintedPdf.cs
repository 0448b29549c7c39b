using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace BillingBooks.Billing.Tests.Pdf;

/// <summary>One word as a PDF prints it: its page (from 1), where (points from the bottom-left corner) and its largest letter size.</summary>
internal sealed record PrintedWord(int Page, string Text, double Left, double Right, double Top, double Bottom, double Size);

/// <summary>A PDF read back with PdfPig, to check what a reader sees: the words, on which page and where.</summary>
internal sealed class PrintedPdf
{
    /// <summary>The mark across a page is far larger than any text on it.</summary>
    private const double MarkSize = 40;

    private readonly IReadOnlyList<string> _marks;

    private PrintedPdf(IReadOnlyList<PrintedWord> words, string drawn, IReadOnlyList<string> marks, int pages, double pageHeight)
    {
        Words = words;
        Drawn = drawn;
        _marks = marks;
        Pages = pages;
        PageHeight = pageHeight;
    }

    /// <summary>Every word, each page's in reading order (top to bottom, left to right).</summary>
    public IReadOnlyList<PrintedWord> Words { get; }

    /// <summary>Every letter in the order the PDF draws them, without white space: a wrapped text reads whole here.</summary>
    public string Drawn { get; }

    public int Pages { get; }

    public double PageHeight { get; }

    /// <summary>Reads <paramref name="pdf"/>, checking first that every page's drawing inflates (a viewer may show a broken one blank).</summary>
    public static PrintedPdf Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        AssertContentStreamsInflate(document);
        var words = new List<PrintedWord>();
        var drawn = new System.Text.StringBuilder();
        var marks = new List<string>();
        var height = 0.0;
        foreach (var page in document.GetPages())
        {
            height = page.Height;
            words.AddRange(page.GetWords().Select(w => new PrintedWord(
                page.Number, w.Text, w.BoundingBox.Left, w.BoundingBox.Right, w.BoundingBox.Top, w.BoundingBox.Bottom, w.Letters.Max(l => l.PointSize))));
            drawn.Append(Squeezed(string.Concat(page.Letters.Select(l => l.Value))));
            marks.Add(Squeezed(string.Concat(page.Letters.Where(l => l.PointSize >= MarkSize).Select(l => l.Value))));
        }

        return new PrintedPdf(words, drawn.ToString(), marks, document.NumberOfPages, height);
    }

    /// <summary>The word printed across a page in very large letters ("VOID", "DRAFT"), read in drawing order as it is printed at a slant; "" for none.</summary>
    public string Mark(int page) => _marks[page - 1];

    /// <summary>The title at the top right of the first page ("INVOICE", "DRAFT QUOTE"), printed at 20 points.</summary>
    public string Title => Sized(1, 15, MarkSize);

    /// <summary>The words of one page printed in a size from <paramref name="min"/> to <paramref name="max"/> points, joined by spaces.</summary>
    public string Sized(int page, double min, double max = double.MaxValue) =>
        string.Join(" ", Words.Where(w => w.Page == page && w.Size >= min && w.Size <= max).Select(w => w.Text));

    /// <summary>The words of one page joined by spaces, in reading order.</summary>
    public string Text(int page) => string.Join(" ", Words.Where(w => w.Page == page).Select(w => w.Text));

    /// <summary>All pages' words, joined by spaces.</summary>
    public string AllText() => string.Join(" ", Words.Select(w => w.Text));

    /// <summary>The first word <paramref name="text"/> on <paramref name="page"/> (a column heading, a label).</summary>
    public PrintedWord First(int page, string text) =>
        Words.FirstOrDefault(w => w.Page == page && w.Text == text) ?? throw new Xunit.Sdk.XunitException($"No \"{text}\" on page {page}: {Text(page)}");

    /// <summary>
    /// The words printed wholly between two x positions below <paramref name="heading"/> (on its page, and all of the
    /// pages after it), page by page top to bottom, each line left to right.
    /// </summary>
    public IReadOnlyList<PrintedWord> Column(double left, double right, PrintedWord heading) =>
        Words.Where(w => w.Left >= left - 0.5 && w.Right <= right + 0.5 && (w.Page > heading.Page || w.Top < heading.Bottom))
            .OrderBy(w => w.Page).ThenByDescending(w => Math.Round(w.Bottom, 1)).ThenBy(w => w.Left)
            .ToArray();

    /// <summary>
    /// PdfPig reads past a content stream cut short (a zlib header and nothing more, as an empty appended drawing
    /// leaves), where poppler reports "Bad block header in flate stream": each stream must inflate to some drawing.
    /// </summary>
    private static void AssertContentStreamsInflate(PdfDocument document)
    {
        foreach (var page in document.GetPages())
        {
            var contents = page.Dictionary.Data[NameToken.Contents.Data];
            foreach (var reference in contents is ArrayToken array ? array.Data : [contents])
            {
                var stream = (StreamToken)document.Structure.GetObject(((IndirectReferenceToken)reference).Data).Data;
                if (!stream.StreamDictionary.Data.TryGetValue(NameToken.Filter.Data, out var filter) || !filter.Equals(NameToken.FlateDecode))
                {
                    continue;
                }

                var raw = stream.Data.ToArray();
                using var inflated = new MemoryStream();
                using (var inflate = new System.IO.Compression.ZLibStream(new MemoryStream(raw), System.IO.Compression.CompressionMode.Decompress))
                {
                    inflate.CopyTo(inflated);
                }

                Assert.True(inflated.Length > 0, $"Page {page.Number} has a content stream of {raw.Length} bytes that draws nothing: viewers report the PDF broken.");
            }
        }
    }

    /// <summary>Text without any white space, to compare what was printed over several lines with what was typed.</summary>
    public static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
