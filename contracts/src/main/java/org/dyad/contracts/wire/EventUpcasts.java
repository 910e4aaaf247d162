package org.dyad.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How an older version of an event's JSON becomes the current one. The ledger applies it to stored events (through
 * an Axon upcaster) and subscribers to records published before the change, so there is one definition of each step.
 */
public final class EventUpcasts {

    /** Steps by event name and the version they upgrade from; each step gives the next version. */
    private static final Map<String, Map<Integer, UnaryOperator<ObjectNode>>> STEPS = Map.of(
            "SaleReported", Map.of(1, EventUpcasts::saleReportedV1ToV2));

    private EventUpcasts() {
    }

    /** Brings {@code json} of event {@code name} at {@code version} up to {@code target}, step by step. */
    public static ObjectNode upcast(String name, int version, int target, ObjectNode json) {
        ObjectNode current = json;
        for (int v = version; v < target; v++) {
            UnaryOperator<ObjectNode> step = STEPS.getOrDefault(name, Map.of()).get(v);
            if (step == null) {
                throw new UnreadableEventException("no upcast of " + name + " from version " + v);
            }
            current = step.apply(current);
        }
        return current;
    }

    /** v2 carries every value the report gave ({@code estimates}) instead of at most one ({@code estimate}). */
    static ObjectNode saleReportedV1ToV2(ObjectNode v1) {
        ObjectNode v2 = v1.deepCopy();
        JsonNode estimate = v2.remove("estimate");
        ArrayNode estimates = v2.putArray("estimates");
        if (estimate != null && !estimate.isNull()) {
            estimates.add(estimate);
        }
        return v2;
    }
}
