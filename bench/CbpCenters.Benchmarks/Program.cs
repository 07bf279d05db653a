using CbpCenters.Benchmarks;

// Throughput and latency of the engine on a real database. Not a test: it prints figures for
// docs/performance.md. Usage:
//   dotnet run -c Release --project bench/CbpCenters.Benchmarks -- [--database sqlite|postgres|memory]
//     [--connection "..."] [--instances 2000] [--concurrency 4] [--tasks 10000]
var options = BenchOptions.Parse(args);
Console.WriteLine($"CbpCenters benchmark: {options.Database}, {options.Instances} instances, concurrency {options.Concurrency}, {options.Tasks} tasks, {Environment.ProcessorCount} cores");
await using var bench = await Harness.CreateAsync(options);
var results = new List<Measurement>
{
    await bench.StartInstancesAsync(),
    await bench.SignalInstancesAsync(),
    await bench.CreateTasksAsync(),
};
results.AddRange(await bench.QueryInboxAsync());
Console.WriteLine();
Console.WriteLine("| Operation | Count | Throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in results) Console.WriteLine(r.Row());
Console.WriteLine();
Console.WriteLine($"Peak working set: {Environment.WorkingSet / 1_048_576} MB; managed heap after run: {GC.GetTotalMemory(forceFullCollection: true) / 1_048_576} MB");
