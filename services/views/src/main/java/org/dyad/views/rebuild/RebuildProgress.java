package org.dyad.views.rebuild;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild stands.
 *
 * @param phase       PREPARING (fresh schema), REPLAYING (reading the topic from its start), INDEXING (building the
 *                    indexes only queries read), SWITCHING (live subscriber paused, catching up the last records,
 *                    swapping the schemas), DONE or FAILED
 * @param eventsDone  records replayed so far
 * @param eventsTotal records on the topic when the replay started (it grows if new events arrive)
 * @param perSecond   replay rate so far
 * @param etaSeconds  estimated seconds left, when it can be estimated
 */
public record RebuildProgress(String id, String phase, long eventsDone, long eventsTotal, double perSecond,
                              Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {

    static RebuildProgress of(String id, String phase, long done, long total, Instant startedAt, Instant finishedAt,
                              String error) {
        double seconds = Math.max(0.001, Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt)
                .toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = rate > 0 && total >= done && finishedAt == null ? Math.round((total - done) / rate) : null;
        return new RebuildProgress(id, phase, done, total, Math.round(rate * 10) / 10.0, eta, startedAt, finishedAt,
                error);
    }
}
