package org.dyad.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The figures the benchmark prints: medians, ranges, percentiles, ratios and verdicts. */
class StatsTest {

    @Test
    void medianAndRangeOfOddAndEvenCounts() {
        assertThat(Stats.of(3, 1, 2)).isEqualTo(new Stats(2, 1, 3, 3));
        assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(new Stats(3.5, 1, 10, 4));
    }

    @Test
    void percentilesAreReadInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            latencies.recordNanos(ms * 1_000_000L);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isCloseTo(50, within(0.1));
        assertThat(latencies.percentileMillis(99)).isCloseTo(99, within(0.1));
        assertThat(latencies.maxMillis()).isCloseTo(100, within(0.1));
    }

    @Test
    void ratiosAndTargetsAreJudgedOnTheMedian() {
        ResultTable table = new ResultTable();
        Stats ceiling = Stats.of(1000, 1100, 900);
        ResultTable.Row half = table.againstCeiling("Dyad", "ingest", "commands/s", Stats.of(400, 600, 500),
                "PG", ceiling, 0.5);
        ResultTable.Row slow = table.atMost("Dyad", "p99", "ms", Stats.of(40, 60, 55), 50);
        assertThat(half.ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(half.met()).isTrue();
        assertThat(slow.met()).isFalse();
        assertThat(table.markdown()).contains("| Dyad | ingest | 500 | 400–600 (3 runs) | commands/s | 50.0 % of PG |")
                .contains("| NO |");
    }

    @Test
    void aRunWithoutAnswersIsNoLatencyAndMissesItsTarget() {
        ResultTable table = new ResultTable();
        ResultTable.Row none = table.atMost("Query", "p95", "ms", Stats.of(Double.NaN, 12.0), 10);
        assertThat(none.met()).isFalse();
        assertThat(table.text()).contains("n/a");
    }

    @Test
    void aVariantOfTheRegisterMarksEachDesignation() {
        assertThat(SipriRegister.mark("Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,3", 2))
                .isEqualTo("Albania,Turkiye,2022,,3,?,Bayraktar TB2 v2,armed UAV,3");
        assertThat(SipriRegister.mark("a broken row", 2)).isEqualTo("a broken row");
    }

    @Test
    void eachLaterReleaseChangesARowAnew() {
        String row = "Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,2023,2,,,,,,";
        assertThat(row.split(",", -1)).hasSize(16);
        for (int change : new int[]{0, 1}) {
            String first = SipriRegister.revise(row, change, 0);
            String second = SipriRegister.revise(row, change, 1);
            assertThat(first).isNotEqualTo(row);
            assertThat(second).as("a second round must not write the row as the first did, nor as it was")
                    .isNotEqualTo(first).isNotEqualTo(row);
        }
    }
}
