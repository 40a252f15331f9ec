using VideoGen.Bench;
using VideoGen.Bench.Comparison;

namespace VideoGen.Silo.Tests.Bench;

/// <summary>The benchmark reads back the results table a benchmark program printed: its own and the previous design's.</summary>
public sealed class PrintedResultsTests
{
    // What the previous design's program (210863d) printed for `--quick --only P1`, log lines and all.
    private const string PreviousOutput = """
        VideoGen benchmarks (quick run) on 2 cores, engines: sqlite
        load average at start: 13.48 6.49 4.42
        P1 on sqlite…
          enqueue → /prompt p50 (ms), silo in process: 6.0
          enqueue → /prompt p99 (ms), silo in process: 171.0
          (6 s)
        load average at end: 13.04 6.52 4.44

        | figure | measure                                             | sqlite            | goal        |
        | ------ | --------------------------------------------------- | ----------------- | ----------- |
        | P1     | enqueue → /prompt p50 (ms), silo in process         | 6.0               |             |
        | P1     | enqueue → /prompt p99 (ms), silo in process         | 171.0             | p99 < 20 ms |
        | P1     | enqueue → /prompt p50 (ms), silo elsewhere (NOTIFY) | n/a (one process) |             |

        """;

    [Fact]
    public void Read_ThePreviousDesignsOutput_GivesEachRowOfItsTable()
    {
        var read = PrintedResults.Read(PreviousOutput);

        Assert.Equal(
            [
                new Measurement("P1", "enqueue → /prompt p50 (ms), silo in process", "", "sqlite", "6.0"),
                new Measurement("P1", "enqueue → /prompt p99 (ms), silo in process", "p99 < 20 ms", "sqlite", "171.0"),
                new Measurement("P1", "enqueue → /prompt p50 (ms), silo elsewhere (NOTIFY)", "", "sqlite", "n/a (one process)"),
            ],
            read);
    }

    [Fact]
    public void Read_WhatResultTablePrints_GivesBackWhatWasMeasured_LeavingOutWhatAnEngineDidNotMeasure()
    {
        Measurement[] measured =
        [
            Measurement.Of("P6", "claim+complete burn-down (jobs/s), 10,000 jobs", "≥ 2 000/s (PostgreSQL)", "sqlite", 1912.4, "N0"),
            Measurement.Of("P6", "claim+complete burn-down (jobs/s), 10,000 jobs", "≥ 2 000/s (PostgreSQL)", "postgres", 290, "N0"),
            Measurement.Of("P7", "overhead ÷ job length", "≤ 2 %", "postgres", 0.62, "0.00' %'"),
        ];
        var table = new ResultTable(["sqlite", "postgres"]);
        table.Add(measured);

        var read = PrintedResults.Read("log line: with a colon\n\n" + table.ToMarkdown());

        Assert.Equal(measured, read);
        Assert.Equal("1,912", read[0].Value);
    }

    [Theory]
    [InlineData("P1 on sqlite…\n  (6 s)\n")]
    [InlineData("| measure | figure | sqlite | goal |\n| - | - | - | - |\n| a | P1 | 1 | |\n")]
    [InlineData("| figure | measure | goal |\n| - | - | - |\n| P1 | a | |\n")]
    [InlineData("| figure | measure | sqlite | goal |\n| - | - | - | - |\n| P1 | a | 1 |\n")]
    public void Read_OutputWithoutAWholeResultsTable_IsRefused(string output) =>
        Assert.Throws<FormatException>(() => PrintedResults.Read(output));
}
