using System.CommandLine;

namespace BillingBooks.Books.Cli.Parsing;

/// <summary>A KEY=VALUE (or KEY:VALUE) option value, split while parsing; the value is checked later.</summary>
internal readonly record struct Pair(string Key, string Value)
{
    /// <summary>A repeatable option whose values are KEY{separator}VALUE, e.g. --debit 1200=113.00.</summary>
    public static Option<Pair[]> Option(string name, char separator, string shape, string example, string description) => new(name)
    {
        Description = $"{description} Repeat for more, e.g. {name} {example}.",
        HelpName = shape,
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
        CustomParser = result =>
        {
            var pairs = new List<Pair>();
            foreach (var token in result.Tokens)
            {
                var at = token.Value.LastIndexOf(separator);
                if (at <= 0 || at == token.Value.Length - 1)
                {
                    result.AddError($"{name}: '{token.Value}' is not {shape}; write it like {name} {example}");
                    return [];
                }

                pairs.Add(new Pair(token.Value[..at].Trim(), token.Value[(at + 1)..].Trim()));
            }

            return [.. pairs];
        },
    };
}
