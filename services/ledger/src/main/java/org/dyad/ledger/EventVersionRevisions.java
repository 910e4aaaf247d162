package org.dyad.ledger;

import org.axonframework.serialization.RevisionResolver;
import org.dyad.contracts.wire.EventType;

/**
 * The revision the event store keeps beside each payload: the event's published version from {@link EventType}, so
 * that the store and the topic count versions alike. Version 1 and anything that is not an event has none, as
 * events stored before any event had a second version.
 */
final class EventVersionRevisions implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        return type == null || type.version() == 1 ? null : Integer.toString(type.version());
    }
}
