// Each test starts the local host (and its Azurite) as processes and counts the Azurite processes it sees:
// tests running side by side would see each other's.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
