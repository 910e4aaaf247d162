package org.dyad.watch;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's watchlist as kept. Its webhook's secret is not part of it: it is shown once, when made. */
public record Watchlist(UUID id, String owner, String name, Criteria criteria, String webhookUrl,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Events recorded before the watchlist was made are not news to it. */
    boolean watches(EventFacts event) {
        return (event.time() == null || !event.time().isBefore(createdAt))
                && WatchlistMatching.matches(criteria, event);
    }
}
