// Each test runs a billing process (and most a Chromium): one at a time keeps them within the machine's cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
