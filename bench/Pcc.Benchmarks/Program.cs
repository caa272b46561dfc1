using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Pcc.Benchmarks.ParseAndCompareBenchmarks).Assembly).Run(args);
