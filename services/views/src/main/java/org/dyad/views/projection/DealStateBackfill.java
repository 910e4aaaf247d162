package org.dyad.views.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes the "as of" states of deals stored without them, once, at start, with progress. */
@Component
class DealStateBackfill {

    private static final Logger log = LoggerFactory.getLogger(DealStateBackfill.class);
    private static final int CHUNK = 500;

    private final BatchProjector projector;

    DealStateBackfill(BatchProjector projector) {
        this.projector = projector;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillMissingDealStates() {
        long filled = 0;
        int chunk;
        while ((chunk = projector.fillMissingDealStates(CHUNK)) > 0) {
            filled += chunk;
            log.info("Wrote the as-of states of {} deals stored without them", filled);
        }
    }
}
