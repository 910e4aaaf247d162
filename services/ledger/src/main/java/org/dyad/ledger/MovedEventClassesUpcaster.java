package org.dyad.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.dyad.contracts.wire.EventCatalog;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event store names each payload by its Java class. Events stored while the event records sat directly in
 * their aggregate's package ({@code org.dyad.contracts.deal.SaleReported}; corrections in {@code record}) load as
 * the classes of the {@code event} packages, with their revision and JSON unchanged.
 */
@Component
public class MovedEventClassesUpcaster extends SingleEventUpcaster {

    static final Map<String, String> CURRENT_BY_FORMER = EventCatalog.EVENTS.stream().collect(
            Collectors.toUnmodifiableMap(MovedEventClassesUpcaster::formerName, Class::getName));

    static String formerName(Class<?> eventClass) {
        String aggregatePackage = eventClass.getPackageName().replaceFirst("\\.event$", "")
                .replaceFirst("\\.correction$", ".record");
        return aggregatePackage + "." + eventClass.getSimpleName();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return CURRENT_BY_FORMER.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String current = CURRENT_BY_FORMER.get(representation.getType().getName());
        return representation.upcastPayload(
                new SimpleSerializedType(current, representation.getType().getRevision()),
                JsonNode.class, Function.identity());
    }
}
