package org.dyad.views.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Keeps agreements' date-driven statuses current: a notified withdrawal becomes a withdrawal on its date. */
@Component
class AgreementReview {

    private static final Logger log = LoggerFactory.getLogger(AgreementReview.class);
    private final BatchProjector projector;

    AgreementReview(BatchProjector projector) {
        this.projector = projector;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 5 0 * * *")
    void reviewDueAgreements() {
        int reviewed = projector.reviewAgreementsDueBy(LocalDate.now());
        if (reviewed > 0) {
            log.info("Updated {} agreements whose status changed by date", reviewed);
        }
    }
}
