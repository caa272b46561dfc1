using System.Globalization;
using Pcc.DigestLoad;

// dotnet run -c Release --project bench/Pcc.DigestLoad [-- subscribers [senders]]
// One digest run over `subscribers` synthetic subscribers, each part in its own process as in the Function App: a
// planner process (the timer function's run: plan, batches written to the ledger in Azurite, one queue message per
// batch) and `senders` sender processes (each what one SendDigestBatch instance does with the queue's messages), all
// sending through the SendGrid fake, which runs here in the coordinating process with the clock. Each child reports its
// own peak resident set; the last line sums the run up. The children are this program again: `--role planner|sender`.
var arguments = BenchArguments.Parse(args);
return arguments.Role switch
{
    "planner" => await PlannerRole.RunAsync(arguments),
    "sender" => await SenderRole.RunAsync(arguments),
    null => await Coordinator.RunAsync(arguments),
    var other => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unknown role '{other}': planner or sender.")),
};
