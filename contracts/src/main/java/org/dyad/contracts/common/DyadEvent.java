package org.dyad.contracts.common;

/**
 * What every Dyad event has: the aggregate it belongs to, the valid-time date of the fact it records (when it
 * happened in the world; {@code null} for events about records, such as corrections) and its provenance.
 */
public interface DyadEvent {

    String aggregateId();

    PartialDate validOn();

    Provenance provenance();
}
