package org.dyad.subscriber;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.PublishedEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test events, and records made the way Dyad's publisher makes them. */
final class Events {

    static final Instant RECORDED_AT = Instant.parse("2026-01-02T03:04:05Z");
    static final Provenance PROVENANCE = new Provenance(new Source("Los Angeles Times",
            "Russia, Iran Reach Military, Economic Accords", null, PartialDate.parse("2001-03-13"), null, "en"),
            AdmiraltyGrade.parse("B2"), RECORDED_AT, "analyst");

    private Events() {
    }

    static SaleReported sale(String dealId) {
        return new SaleReported(dealId, "RUS", "IRN", List.of(DealItem.of("S-300", "SAM system", 8)),
                DealStage.REPORTED, PartialDate.parse("2001-03-12"), null, null, PROVENANCE);
    }

    static DealCancelled cancelled(String dealId) {
        return new DealCancelled(dealId, PartialDate.parse("2010-09"), "UN sanctions", PROVENANCE);
    }

    static PublishedEvent published(String eventId, Object payload) {
        return DyadCloudEvents.decode(DyadCloudEvents.encode(eventId, "deal-1", 0, 1, RECORDED_AT, payload));
    }

    /** The record a consumer receives for a CloudEvent sent like the ledger sends it. */
    static ConsumerRecord<String, byte[]> record(String key, CloudEvent event) {
        Headers headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            byte[] value = serializer.serialize("dyad.events", headers, event);
            return record(key, value, headers);
        }
    }

    static ConsumerRecord<String, byte[]> record(String key, byte[] value, Headers headers) {
        return new ConsumerRecord<>("dyad.events", 2, 17, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                headers, Optional.empty());
    }
}
