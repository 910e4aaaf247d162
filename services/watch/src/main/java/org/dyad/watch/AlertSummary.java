package org.dyad.watch;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.common.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The one-line summary of an alert and the API path of its record. */
final class AlertSummary {

    private static final ActorRegistry ACTORS = ActorRegistry.standard();
    private static final Map<String, String> COLLECTIONS = Map.of("deal", "deals", "agreement", "agreements",
            "statement", "statements", "embargo", "embargoes");

    private AlertSummary() {
    }

    static String of(EventFacts event) {
        WatchedRecord record = event.record();
        List<String> parts = new ArrayList<>();
        String who = record.supplier() != null && record.recipient() != null
                ? name(record.supplier()) + " → " + name(record.recipient())
                : String.join(", ", record.actors().stream().map(AlertSummary::name).toList());
        parts.add((who.isEmpty() ? record.kind() + " " + record.recordId() : who) + ": " + words(event.eventName()));
        if (!record.designations().isEmpty()) {
            parts.add(String.join(", ", record.designations()));
        }
        if (event.stageChangedTo() != null) {
            parts.add("now " + event.stageChangedTo());
        }
        if (event.statusChangedTo() != null) {
            parts.add("now " + event.statusChangedTo());
        }
        for (Estimate estimate : event.estimates()) {
            parts.add((estimate.amount() != null ? estimate.amount().toPlainString()
                    : estimate.low().toPlainString() + "–" + estimate.high().toPlainString()) + " "
                    + estimate.currency());
        }
        return String.join(" — ", parts);
    }

    static String link(WatchedRecord record) {
        return "/api/v1/" + COLLECTIONS.getOrDefault(record.kind(), record.kind() + "s") + "/" + record.recordId();
    }

    private static String name(String code) {
        return ACTORS.byCode(code).map(Actor::name).orElse(code);
    }

    /** {@code ContractConcluded} → {@code contract concluded}. */
    static String words(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
