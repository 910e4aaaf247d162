package org.dyad.app;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.dyad.contracts.wire.EventSchemas;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Installed in Dyad's publisher during the integration tests: checks every record Dyad publishes against the JSON
 * Schema of its type, so that no test can make Dyad emit an event its contract does not allow.
 */
public class SchemaCheckingInterceptor implements ProducerInterceptor<String, CloudEvent> {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> BY_TYPE = new ConcurrentHashMap<>();
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
    private static final AtomicLong CHECKED = new AtomicLong();

    static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    static long checked() {
        return CHECKED.get();
    }

    @Override
    public ProducerRecord<String, CloudEvent> onSend(ProducerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        Schema schema = BY_TYPE.computeIfAbsent(event.getType(), type -> EventSchemas.schemaFor(type)
                .map(text -> SCHEMAS.getSchema(text, InputFormat.JSON)).orElse(null));
        if (schema == null) {
            VIOLATIONS.add(event.getType() + " has no schema");
        } else {
            var errors = schema.validate(new String(event.getData().toBytes(), StandardCharsets.UTF_8),
                    InputFormat.JSON);
            if (!errors.isEmpty()) {
                VIOLATIONS.add(event.getType() + " " + event.getId() + ": " + errors);
            }
        }
        CHECKED.incrementAndGet();
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // only what is sent matters here
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // no settings
    }
}
