package org.dyad.contracts.wire;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI 3.0 document of the topic is complete and agrees with the event catalog. */
class AsyncApiDocumentTest {

    static final Path FILE = EventSchemasTest.RESOURCES.resolve(AsyncApiGenerator.ASYNCAPI);
    static Map<String, Object> doc;

    @BeforeAll
    static void parse() throws IOException {
        try (Reader in = Files.newBufferedReader(FILE)) {
            doc = new Yaml().load(in);
        }
    }

    @Test
    void isAnAsyncApi3DocumentWithItsRequiredParts() {
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(map(doc, "info")).containsKeys("title", "version", "description");
        assertThat(doc).containsKeys("servers", "channels", "operations", "components");
        map(doc, "servers").keySet().forEach(server -> assertThat(map(doc, "servers", server))
                .containsKeys("host", "protocol"));
        assertThat(map(doc, "servers", "embedded")).containsEntry("host", "127.0.0.1:19092")
                .containsEntry("protocol", "kafka");
    }

    @Test
    void statesOrderingAndDeliveryForSubscribers() {
        assertThat((String) map(doc, "info").get("description"))
                .contains("per aggregate", "at least once", "ce_id", "ce_dyadsequence");
    }

    @Test
    void describesTheTopicAsTheLedgerCreatesIt() {
        Map<String, Object> channel = map(doc, "channels", "dyadEvents");
        assertThat(channel).containsEntry("address", "dyad.events");
        Map<String, Object> kafka = map(channel, "bindings", "kafka");
        assertThat(kafka).containsEntry("partitions", 6).containsEntry("replicas", 1);
        assertThat(map(kafka, "topicConfiguration")).containsEntry("retention.ms", -1)
                .containsEntry("cleanup.policy", List.of("delete"));
        Map<String, Object> operation = map(doc, "operations", "receiveDyadEvents");
        assertThat(operation).containsEntry("action", "receive")
                .containsEntry("channel", Map.of("$ref", "#/channels/dyadEvents"));
        assertThat((List<?>) operation.get("messages")).hasSize(EventCatalog.EVENTS.size());
    }

    @Test
    void everyReferenceResolvesInTheDocumentOrToAnExistingFile() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                Object target = doc;
                for (String token : ref.substring(2).split("/")) {
                    target = target instanceof Map<?, ?> m ? m.get(token.replace("~1", "/").replace("~0", "~")) : null;
                }
                assertThat(target).as("%s resolves in %s", ref, FILE).isNotNull();
            } else {
                assertThat(FILE.resolveSibling(ref.replaceFirst("#.*", ""))).as("%s resolves", ref).isRegularFile();
            }
        }
    }

    @Test
    void hasExactlyOneMessagePerPublishedEventTypeWithItsHeadersKeyAndSchema() {
        Map<String, List<String>> messagesByType = new HashMap<>();
        map(doc, "channels", "dyadEvents", "messages").keySet().forEach(key -> messagesByType.computeIfAbsent(
                ceTypeConst(map(doc, "components", "messages", key)), t -> new ArrayList<>()).add(key));
        assertThat(messagesByType.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.types());

        for (Class<?> event : EventCatalog.EVENTS) {
            String type = EventCatalog.typeOf(event);
            assertThat(messagesByType.get(type)).as(type).hasSize(1);
            Map<String, Object> message = map(doc, "components", "messages", messagesByType.get(type).get(0));
            assertThat(message).containsEntry("name", event.getAnnotation(EventType.class).name())
                    .containsEntry("contentType", "application/json").containsKey("title")
                    .containsEntry("payload", Map.of("$ref", "schemas/" + EventSchemas.path(event)));
            assertThat(map(message, "bindings", "kafka", "key")).containsEntry("type", "string");
            assertThat(map(doc, "channels", "dyadEvents", "messages")).containsKey(messagesByType.get(type).get(0));
        }
    }

    @Test
    void describesTheAlertsTopicWithItsOneMessage() {
        assertThat(map(doc, "channels", "dyadAlerts")).containsEntry("address", "dyad.alerts");
        assertThat(map(doc, "channels", "dyadAlerts", "messages")).containsOnlyKeys("AlertRaised");
        assertThat(map(doc, "components", "schemas", "AlertHeaders", "properties", "ce_type"))
                .containsEntry("const", "org.dyad.alert.AlertRaised.v1");
        assertThat(map(doc, "components", "schemas", "AlertHeaders", "properties", "ce_source"))
                .containsEntry("const", "urn:dyad:watch");
        assertThat(map(doc, "operations", "receiveDyadAlerts")).containsEntry("action", "receive");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHeadersAreTheCloudEventsAttributesDyadSends() {
        Map<String, Object> headers = map(doc, "components", "schemas", "CloudEventHeaders");
        assertThat((List<Object>) headers.get("required")).containsExactlyInAnyOrder("ce_specversion", "ce_id",
                "ce_type", "ce_source", "ce_subject", "ce_time", "content-type", "ce_dyadsequence", "ce_dyadposition");
        assertThat(map(headers, "properties", "ce_specversion")).containsEntry("const", "1.0");
        assertThat(map(headers, "properties", "ce_source")).containsEntry("const", "urn:dyad:ledger");
        assertThat(map(headers, "properties", "ce_time")).containsEntry("format", "date-time");
        assertThat(map(headers, "properties", "content-type")).containsEntry("const", "application/json");
        EventCatalog.types().forEach(type -> assertThat(type)
                .matches((String) map(headers, "properties", "ce_type").get("pattern")));
    }

    /** The {@code ce_type} const of a message's headers, directly or in one of its {@code allOf} parts. */
    private static String ceTypeConst(Map<String, Object> message) {
        Map<String, Object> headers = map(message, "headers");
        List<Object> parts = new ArrayList<>(List.of(headers));
        if (headers.get("allOf") instanceof List<?> allOf) {
            parts.addAll(allOf);
        }
        for (Object part : parts) {
            if (part instanceof Map<?, ?> p && p.get("properties") instanceof Map<?, ?> properties
                    && properties.get("ce_type") instanceof Map<?, ?> ceType
                    && ceType.get("const") instanceof String c) {
                return c;
            }
        }
        return "(none)";
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String... path) {
        Map<String, Object> current = node;
        for (String key : path) {
            assertThat(current).as("has %s", key).containsKey(key);
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
