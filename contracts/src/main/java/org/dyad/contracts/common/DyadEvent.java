package org.dyad.contracts.common;

import java.util.List;

/**
 * What every Dyad event has: the aggregate it belongs to, the valid-time date of the fact it records (when it
 * happened in the world; {@code null} for events about records, such as corrections) and its provenance.
 */
public interface DyadEvent {

    String aggregateId();

    PartialDate validOn();

    Provenance provenance();

    /**
     * The actors this event brings into its record: a sale's supplier and recipient, an agreement's parties and
     * third actors, a signature's or consent's party, a statement's speaker and addressees. Every other event
     * changes a record whose actors were named before, and names none. The views file a record under these actors,
     * its relationships and timelines.
     * <p>
     * They are the values of the record components marked {@link ActorCode} with
     * {@link ActorCode#namesIntoRecord()}, in the order the record declares them (the elements of a list in its
     * order), without nulls.
     */
    default List<String> actors() {
        return EventActors.of(this);
    }
}
