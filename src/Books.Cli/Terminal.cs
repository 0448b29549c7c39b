namespace BillingBooks.Books.Cli;

/// <summary>
/// What stdout is attached to. Tables, colours and progress only when a person is watching; redirected output
/// (files, pipes, tests) is deterministic plain text.
/// </summary>
public sealed record Terminal(bool Interactive)
{
    public static Terminal None { get; } = new(false);

    public static Terminal Console { get; } = new(true);
}
