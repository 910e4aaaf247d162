package org.dyad.ledger.deal;

import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.command.ReviseRegisterEntry;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.DyadJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.dyad.ledger.Recording.requireNotBefore;

/**
 * What a newer release of a register changes in a deal it recorded: the facts read from the row (the founding
 * report's item, terms, year of order and values; the register's delivery, completion and cancellation) follow the
 * new row. A fact the release states otherwise is corrected, one the earlier release did not give is recorded, one
 * the new row no longer gives is retracted, all with the release as their source. Facts other sources gave are not
 * the register's to revise.
 */
final class RegisterRevision {

    /** Said of a cancellation the register's comments give. */
    static final String CANCELLED_BY_REGISTER = "cancelled according to the register's comments";

    /**
     * One event of the revision, in the order it is applied.
     *
     * @param dateField for a new lifecycle fact, the field its date is checked by; {@code null} for a correction or a
     *                  retraction
     */
    record Step(DyadEvent event, String dateField) {
    }

    /**
     * The deal's facts the register gave, as they stand after their corrections, with their events' ids; a fact the
     * register did not give is {@code null}.
     */
    record RegisterFacts(String foundingId, SaleReported founding, String deliveryId, DeliveryRecorded delivery,
                         String completionId, DeliveryCompleted completion, String cancellationId,
                         DealCancelled cancellation) {
    }

    private RegisterRevision() {
    }

    static List<Step> steps(ReviseRegisterEntry command, RegisterFacts facts, Provenance provenance) {
        String dealId = command.dealId();
        String reason = "revised by the register's release " + command.releaseId();
        List<Step> steps = new ArrayList<>();

        Map<String, Object> reported = new LinkedHashMap<>();
        List<Estimate> estimates = command.estimates() == null ? List.of() : command.estimates();
        changed(reported, "items", facts.founding().items(), List.of(command.item()));
        changed(reported, "terms", facts.founding().terms(), command.terms());
        changed(reported, "reportedOn", facts.founding().reportedOn(), command.orderedOn());
        changed(reported, "estimates", facts.founding().estimates(), estimates);
        if (!reported.isEmpty()) {
            steps.add(correction(dealId, facts.foundingId(), SaleReported.class, reported, reason, provenance));
        }

        if (command.delivery() == null) {
            retraction(steps, dealId, facts.deliveryId(), DeliveryRecorded.class, reason, provenance);
        } else if (facts.delivery() == null) {
            requireNotBefore("delivery.deliveredOn", command.delivery().deliveredOn(), command.orderedOn(),
                    "the order");
            steps.add(new Step(new DeliveryRecorded(dealId, command.delivery(), provenance), "delivery.deliveredOn"));
        } else if (!facts.delivery().tranche().equals(command.delivery())) {
            steps.add(correction(dealId, facts.deliveryId(), DeliveryRecorded.class,
                    Map.of("tranche", command.delivery()), reason, provenance));
        }

        PartialDate completedOn = command.completedOn();
        PartialDate cancelledOn = completedOn == null ? command.cancelledOn() : null;
        if (completedOn == null) {
            retraction(steps, dealId, facts.completionId(), DeliveryCompleted.class, reason, provenance);
        }
        if (cancelledOn == null) {
            retraction(steps, dealId, facts.cancellationId(), DealCancelled.class, reason, provenance);
        }
        if (completedOn != null) {
            if (facts.completion() == null) {
                requireNotBefore("completedOn", completedOn, command.orderedOn(), "the order");
                steps.add(new Step(new DeliveryCompleted(dealId, completedOn, provenance), "completedOn"));
            } else if (!facts.completion().on().equals(completedOn)) {
                steps.add(correction(dealId, facts.completionId(), DeliveryCompleted.class,
                        Map.of("on", completedOn), reason, provenance));
            }
        }
        if (cancelledOn != null) {
            if (facts.cancellation() == null) {
                requireNotBefore("cancelledOn", cancelledOn, command.orderedOn(), "the order");
                steps.add(new Step(new DealCancelled(dealId, cancelledOn, CANCELLED_BY_REGISTER, provenance),
                        "cancelledOn"));
            } else if (!facts.cancellation().on().equals(cancelledOn)) {
                steps.add(correction(dealId, facts.cancellationId(), DealCancelled.class, Map.of("on", cancelledOn),
                        reason, provenance));
            }
        }
        return steps;
    }

    private static void changed(Map<String, Object> changes, String field, Object was, Object is) {
        if (!Objects.equals(was, is)) {
            changes.put(field, is);
        }
    }

    private static Step correction(String dealId, String eventId, Class<?> type, Map<String, Object> changes,
                                   String reason, Provenance provenance) {
        Map<String, Object> asJson = new LinkedHashMap<>();
        // as a correction sent over HTTP carries them: JSON values, not the records
        changes.forEach((field, value) -> asJson.put(field, DyadJson.mapper().convertValue(value, Object.class)));
        return new Step(new RecordCorrected(dealId, eventId, type.getSimpleName(), asJson, reason, provenance), null);
    }

    private static void retraction(List<Step> steps, String dealId, String eventId, Class<?> type, String reason,
                                   Provenance provenance) {
        if (eventId != null) {
            steps.add(new Step(new RecordRetracted(dealId, eventId, type.getSimpleName(), reason, provenance), null));
        }
    }
}
