package org.dyad.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.EventUpcasts;
import org.springframework.stereotype.Component;

/**
 * Loads {@code SaleReported} events stored as version 1 (one optional {@code estimate}, no revision) as version 2
 * (a list of {@code estimates}), with the same step subscribers use for version-1 records on the topic. Version 1
 * was only ever stored under the class's former name; both names are read, whichever upcaster runs first.
 */
@Component
public class SaleReportedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = SaleReported.class.getName();
    private static final String FORMER_TYPE = MovedEventClassesUpcaster.formerName(SaleReported.class);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String name = representation.getType().getName();
        return (TYPE.equals(name) || FORMER_TYPE.equals(name))
                && (representation.getType().getRevision() == null
                || "1".equals(representation.getType().getRevision()));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class,
                json -> EventUpcasts.upcast("SaleReported", 1, 2, (ObjectNode) json));
    }
}
