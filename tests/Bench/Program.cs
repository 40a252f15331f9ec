using VideoGen.Bench;

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
var table = await new BenchRunner(options, Console.Out).RunAsync();
Console.WriteLine();
Console.WriteLine(table.ToMarkdown());
return 0;
