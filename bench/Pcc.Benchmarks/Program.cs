using BenchmarkDotNet.Running;
using Pcc.Benchmarks;

var summaries = BenchmarkSwitcher.FromAssembly(typeof(ParseAndCompareBenchmarks).Assembly).Run(args);
if (PdfRatioLine.For(summaries) is { } line)
    Console.WriteLine(line);
