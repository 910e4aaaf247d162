package org.dyad.views.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.views.projection.ViewTables;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parks records the views cannot read, with the reason, so that the records after them keep flowing. */
class DeadLetters {

    private final ViewTables tables;

    DeadLetters(ViewTables tables) {
        this.tables = tables;
    }

    void park(ConsumerRecord<String, ?> record, byte[] value, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            if (!h.key().startsWith("springDeserializerException")) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        try {
            tables.update("""
                            INSERT INTO views.dead_letter (topic, partition, record_offset, record_key, headers, value,
                                reason) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
                            ON CONFLICT (topic, partition, record_offset) DO NOTHING""",
                    record.topic(), record.partition(), record.offset(), record.key(),
                    DyadJson.mapper().writeValueAsString(headers), value, reason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
