package org.dyad.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** Latencies of one run, recorded in microseconds by any number of threads; read as milliseconds. */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), Math.max(0, nanos / 1_000)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The latency at the given percentile (e.g. 99.0), in milliseconds. */
    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double maxMillis() {
        return histogram.getMaxValue() / 1_000.0;
    }
}
