package org.dyad.contracts.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Generates the AsyncAPI 3.0 document of the topic ({@value #ASYNCAPI}): the servers, the channel and one message
 * per event type of {@link EventCatalog}, whose payload is the event's committed JSON Schema.
 */
final class AsyncApiGenerator {

    static final String ASYNCAPI = "org/dyad/contracts/asyncapi.yaml";
    static final String KAFKA_BINDING = "0.5.0";

    private AsyncApiGenerator() {
    }

    /** The AsyncAPI 3.0 document of the topic, one message per published event type. */
    static ObjectNode asyncApi() {
        ObjectNode doc = object().put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", "Dyad events").put("version", "1.0.0").put("description", """
                Every event Dyad's ledger records about deals, agreements and statements (and corrections or
                retractions of them), published on one Kafka topic as CloudEvents 1.0 in binary mode: the
                attributes are `ce_*` headers, the value is the event as JSON, the key is the aggregate id.

                Ordering: per aggregate. The key is the id of the deal, agreement or statement, so all events of
                one aggregate are on one partition, in the order of `ce_dyadsequence` (from 0, without gaps).
                There is no order across aggregates.

                Delivery: at least once. A record can appear more than once; deduplicate by `ce_id` (the same on
                every redelivery) or by aggregate and sequence (`ce_subject`, `ce_dyadsequence`).

                Retention is unlimited: the topic is a replayable log of the event store. Within a version, fields
                are only added, so consumers ignore fields they do not know. See docs/events.md.""");
        doc.put("defaultContentType", DyadCloudEvents.CONTENT_TYPE);

        ObjectNode servers = doc.putObject("servers");
        servers.putObject("embedded").put("host", "127.0.0.1:19092").put("protocol", "kafka")
                .put("description", "The in-process KRaft broker of the embedded mode, the default local run "
                        + "(port from DYAD_EMBEDDED_KAFKA_PORT).")
                .putObject("bindings").putObject("kafka").put("bindingVersion", KAFKA_BINDING);
        ObjectNode configured = servers.putObject("configured").put("host", "{bootstrapServers}")
                .put("protocol", "kafka")
                .put("description", "An external Kafka cluster, from configuration (DYAD_KAFKA_BOOTSTRAP_SERVERS). "
                        + "No schema registry: the schemas are files in the dyad-contracts jar, served by Dyad at "
                        + "/schemas/<type>/v<n>.json.");
        configured.putObject("variables").putObject("bootstrapServers").put("default", "localhost:9092")
                .put("description", "The value of DYAD_KAFKA_BOOTSTRAP_SERVERS (dyad.kafka.bootstrap-servers).");
        configured.putObject("bindings").putObject("kafka").put("bindingVersion", KAFKA_BINDING);

        ObjectNode channel = doc.putObject("channels").putObject("dyadEvents").put("address", "dyad.events")
                .put("title", "Dyad events")
                .put("description", "All event types of all aggregates (topic name from DYAD_KAFKA_TOPIC); "
                        + "key = aggregate id.");
        ObjectNode channelMessages = channel.putObject("messages");
        ObjectNode topic = channel.putObject("bindings").putObject("kafka").put("topic", "dyad.events")
                .put("partitions", 6).put("replicas", 1);
        ObjectNode topicConfig = topic.putObject("topicConfiguration");
        topicConfig.putArray("cleanup.policy").add("delete");
        topicConfig.put("retention.ms", -1);
        topic.put("bindingVersion", KAFKA_BINDING);

        ObjectNode operation = doc.putObject("operations").putObject("receiveDyadEvents").put("action", "receive")
                .put("summary", "Subscribers receive every event Dyad publishes.");
        operation.putObject("channel").put("$ref", "#/channels/dyadEvents");
        ArrayNode operationMessages = operation.putArray("messages");

        ObjectNode components = doc.putObject("components");
        components.putObject("schemas").set("CloudEventHeaders", headers());
        ObjectNode messages = components.putObject("messages");
        for (Class<?> event : EventCatalog.EVENTS) {
            String key = EventSchemas.path(event).replaceFirst(".*/", "").replaceFirst("\\.json$", "");
            messages.set(key, message(event));
            channelMessages.putObject(key).put("$ref", "#/components/messages/" + key);
            operationMessages.addObject().put("$ref", "#/channels/dyadEvents/messages/" + key);
        }
        alerts(doc);
        return doc;
    }

    /**
     * The alerts topic: the watchlists' alerts as CloudEvents, published by Dyad's watchlists (not the ledger), each
     * the alert's JSON with the watchlist id as key.
     */
    private static void alerts(ObjectNode doc) {
        ObjectNode channel = ((ObjectNode) doc.get("channels")).putObject("dyadAlerts").put("address", "dyad.alerts")
                .put("title", "Dyad alerts")
                .put("description", "One record per alert a watchlist raised (topic name from DYAD_ALERTS_TOPIC); "
                        + "key = watchlist id. At least once: deduplicate by `ce_id`, the alert's id, which is the "
                        + "same for the same watchlist and event. See docs/watchlists.md.");
        channel.putObject("messages").putObject("AlertRaised").put("$ref", "#/components/messages/AlertRaised");
        channel.putObject("bindings").putObject("kafka").put("topic", "dyad.alerts").put("bindingVersion",
                KAFKA_BINDING);
        ObjectNode operation = ((ObjectNode) doc.get("operations")).putObject("receiveDyadAlerts")
                .put("action", "receive").put("summary", "Subscribers receive every alert Dyad's watchlists raise.");
        operation.putObject("channel").put("$ref", "#/channels/dyadAlerts");
        operation.putArray("messages").addObject().put("$ref", "#/channels/dyadAlerts/messages/AlertRaised");

        ObjectNode components = (ObjectNode) doc.get("components");
        ObjectNode headers = ((ObjectNode) components.get("schemas")).putObject("AlertHeaders").put("type", "object")
                .put("description", "CloudEvents 1.0 attributes of an alert in Kafka binary mode.");
        List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type",
                "ce_dyadeventid").forEach(headers.putArray("required")::add);
        ObjectNode h = headers.putObject("properties");
        h.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        h.putObject("ce_id").put("type", "string").put("format", "uuid")
                .put("description", "The alert's id: the same for the same watchlist and event.");
        h.putObject("ce_type").put("type", "string").put("const", "org.dyad.alert.AlertRaised.v1");
        h.putObject("ce_source").put("type", "string").put("const", "urn:dyad:watch");
        h.putObject("ce_subject").put("type", "string").put("description", "The watchlist id, equal to the key.");
        h.putObject("ce_time").put("type", "string").put("format", "date-time")
                .put("description", "When the alert was raised.");
        h.putObject("content-type").put("type", "string").put("const", DyadCloudEvents.CONTENT_TYPE);
        h.putObject("ce_dyadeventid").put("type", "string")
                .put("description", "The `ce_id` of the event on dyad.events that raised the alert.");

        ObjectNode alert = ((ObjectNode) components.get("schemas")).putObject("Alert").put("type", "object")
                .put("description", "An event that matched a watchlist.");
        List.of("id", "watchlistId", "watchlistName", "eventId", "eventType", "recordId", "recordKind", "time",
                "actors", "summary", "link", "raisedAt", "read", "actorNames").forEach(alert.putArray("required")::add);
        ObjectNode a = alert.putObject("properties");
        a.putObject("id").put("type", "string").put("format", "uuid");
        a.putObject("watchlistId").put("type", "string").put("format", "uuid");
        a.putObject("watchlistName").put("type", "string");
        a.putObject("eventId").put("type", "string").put("description", "The event's `ce_id`.");
        a.putObject("eventType").put("type", "string").put("description", "The event's name, e.g. ContractConcluded.");
        a.putObject("recordId").put("type", "string");
        a.putObject("recordKind").put("type", "string").put("description", "deal, agreement, statement, embargo ...");
        a.putObject("time").put("type", "string").put("format", "date-time")
                .put("description", "When Dyad recorded the event.");
        a.putObject("actors").put("type", "array").putObject("items").put("type", "string");
        a.putObject("summary").put("type", "string");
        a.putObject("link").put("type", "string").put("description", "The API path of the record.");
        a.putObject("raisedAt").put("type", "string").put("format", "date-time");
        a.putObject("read").put("type", "boolean");
        a.putObject("readAt").put("type", "string").put("format", "date-time");
        a.putObject("actorNames").put("type", "object").putObject("additionalProperties").put("type", "string");

        ObjectNode message = ((ObjectNode) components.get("messages")).putObject("AlertRaised")
                .put("name", "AlertRaised").put("title", "Alert raised")
                .put("summary", "An event on dyad.events matched a user's watchlist.")
                .put("contentType", DyadCloudEvents.CONTENT_TYPE);
        message.putObject("headers").put("$ref", "#/components/schemas/AlertHeaders");
        message.putObject("payload").put("$ref", "#/components/schemas/Alert");
        message.putObject("bindings").putObject("kafka").<ObjectNode>set("key", object().put("type", "string")
                        .put("description", "The watchlist id, equal to `ce_subject`."))
                .put("bindingVersion", KAFKA_BINDING);
    }

    private static ObjectNode message(Class<?> event) {
        EventType t = event.getAnnotation(EventType.class);
        ObjectNode message = object().put("name", t.name())
                .put("title", t.name().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase()
                        .replaceFirst("^.", t.name().substring(0, 1)))
                .put("summary", t.description())
                .put("contentType", DyadCloudEvents.CONTENT_TYPE);
        message.putArray("tags").addObject().put("name", t.aggregate());
        ArrayNode allOf = message.putObject("headers").putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/CloudEventHeaders");
        allOf.addObject().put("type", "object").putObject("properties").putObject("ce_type")
                .put("const", EventCatalog.typeOf(event));
        message.putObject("payload").put("$ref", "schemas/" + EventSchemas.path(event));
        message.putObject("bindings").putObject("kafka").<ObjectNode>set("key", object().put("type", "string")
                        .put("description", "The aggregate id (`" + EventSchemaGenerator.idField(event)
                                + "` in the payload), equal to `ce_subject`."))
                .put("bindingVersion", KAFKA_BINDING);
        return message;
    }

    private static ObjectNode headers() {
        ObjectNode headers = object().put("type", "object")
                .put("description", "CloudEvents 1.0 attributes in Kafka binary mode (header values are UTF-8 text).");
        List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type",
                "ce_dyadsequence", "ce_dyadposition").forEach(headers.putArray("required")::add);
        ObjectNode p = headers.putObject("properties");
        p.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        p.putObject("ce_id").put("type", "string")
                .put("description", "The event id: unique, and the same on every redelivery.");
        p.putObject("ce_type").put("type", "string")
                .put("pattern", "^org\\.dyad\\.[a-z]+\\.[A-Z][A-Za-z0-9]*\\.v[0-9]+$")
                .put("description", "org.dyad.<aggregate>.<Name>.v<version>");
        p.putObject("ce_source").put("type", "string").put("const", DyadCloudEvents.SOURCE.toString());
        p.putObject("ce_subject").put("type", "string").put("description", "The aggregate id, equal to the key.");
        p.putObject("ce_time").put("type", "string").put("format", "date-time")
                .put("description", "When Dyad recorded the event.");
        p.putObject("content-type").put("type", "string").put("const", DyadCloudEvents.CONTENT_TYPE);
        p.putObject("ce_dataschema").put("type", "string")
                .put("pattern", "^" + EventSchemas.ID_PREFIX.replace(".", "\\.") + "org\\.dyad\\.")
                .put("description", "The `$id` of the event's JSON Schema, `" + EventSchemas.ID_PREFIX
                        + "<ce_type>`; Dyad serves the schema at `/schemas/<ce_type without .v<n>>/v<n>.json`.");
        p.putObject("ce_" + DyadCloudEvents.SEQUENCE).put("type", "string").put("pattern", "^[0-9]+$")
                .put("description", "The event's number within its aggregate, from 0, without gaps.");
        p.putObject("ce_" + DyadCloudEvents.POSITION).put("type", "string").put("pattern", "^[0-9]+$")
                .put("description", "The event's position in the event store (global order of recording).");
        p.putObject("ce_" + DyadCloudEvents.CLIENT).put("type", "string")
                .put("description", "The client that sent the command (its Dyad-Client header or user agent).");
        p.putObject("ce_" + DyadCloudEvents.CORRELATION).put("type", "string")
                .put("description", "The correlation id of the request that recorded the event.");
        p.putObject("ce_" + DyadCloudEvents.DRAFT).put("type", "string")
                .put("description", "The intake draft whose accepted proposal recorded the event; absent for commands"
                        + " written by hand.");
        p.putObject("ce_" + DyadCloudEvents.TRACE_PARENT).put("type", "string")
                .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                .put("description", "CloudEvents distributed-tracing extension: the W3C traceparent of the request"
                        + " that recorded the event; absent for events recorded without a trace.");
        p.putObject("ce_" + DyadCloudEvents.TRACE_STATE).put("type", "string")
                .put("description", "The W3C tracestate that came with the traceparent, when there was one.");
        return headers;
    }

    private static ObjectNode object() {
        return DyadJson.mapper().createObjectNode();
    }
}
