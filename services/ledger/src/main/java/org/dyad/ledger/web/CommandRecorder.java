package org.dyad.ledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.dyad.ledger.Audit;
import org.dyad.ledger.LedgerConfiguration;
import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.RequestCorrelation;
import org.dyad.support.web.ProblemType;
import org.dyad.support.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends a recording command the way every command endpoint does: in one database transaction with its
 * {@code Idempotency-Key} record (a retry answers the first answer and writes nothing), honouring {@code If-Match}
 * (the record's version the client last saw; a stale one answers 412), and answering the record's new version.
 */
@Component
public class CommandRecorder {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String LEDGER = LedgerConfiguration.SCHEMA;
    private static final String LAST_EVENT = "SELECT sequence_number, global_index FROM " + LEDGER
            + ".domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1";

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    CommandRecorder(CommandGateway commands, JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json,
                    EventStore eventStore) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        // a batch's events reach the store together, when its unit of work commits: each item takes its own
        eventStore.registerDispatchInterceptor(events -> {
            RecordingBatch batch = RecordingBatch.current();
            if (batch != null) {
                batch.storing(events);
            }
            return (index, event) -> event;
        });
    }

    /** Creates a record: answers 201 with its location. {@code If-Match} makes no sense here and is refused. */
    public ResponseEntity<RecordedResponse> create(HttpServletRequest request, Object body, String collection,
                                                   String id, Object command) {
        if (request.getHeader("If-Match") != null) {
            throw ApiProblemException.badRequest("If-Match", "a new record has no version to match");
        }
        return record(request, body, collection, id, HttpStatus.CREATED, expectedVersion -> command);
    }

    /** Changes a record: answers 200; the command is built with the version from {@code If-Match}, if any. */
    public ResponseEntity<RecordedResponse> change(HttpServletRequest request, Object body, String collection,
                                                   String id, Function<Long, Object> command) {
        return record(request, body, collection, id, HttpStatus.OK, command);
    }

    private ResponseEntity<RecordedResponse> record(HttpServletRequest request, Object body, String collection,
                                                    String id, HttpStatus status, Function<Long, Object> command) {
        String principal = recorder(request);
        Map<String, String> audit = audit(request);
        String key = request.getHeader(IDEMPOTENCY_KEY);
        Long expectedVersion = expectedVersion(request.getHeader("If-Match"));
        RecordingBatch batch = RecordingBatch.current();
        if (batch != null) {
            sendInBatch(batch, command.apply(expectedVersion), audit, id, collection, status, null);
            return ResponseEntity.status(status).location(URI.create(collection + "/" + id)).build();
        }
        return transaction.execute(tx -> {
            if (key != null) {
                ResponseEntity<String> earlier = claim(principal, key, hash(request, body));
                if (earlier != null) {
                    return ResponseEntity.status(earlier.getStatusCode()).headers(earlier.getHeaders())
                            .body(read(earlier.getBody()));
                }
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.apply(expectedVersion))
                    .andMetaData(audit));
            RecordedResponse receipt = jdbc.queryForObject(LAST_EVENT,
                    (rs, n) -> RecordedResponse.of(id, rs.getLong(1), rs.getLong(2)), id);
            URI location = URI.create(collection + "/" + id);
            String etag = "\"" + receipt.version() + "\"";
            if (key != null) {
                jdbc.update("UPDATE " + LEDGER + ".idempotency_record SET status = ?, location = ?, etag = ?, body = ?"
                                + " WHERE principal = ? AND key = ?",
                        status.value(), location.toString(), etag, write(receipt), principal, key);
            }
            return ResponseEntity.status(status).location(location).eTag(etag)
                    .header(Audit.CORRELATION_HEADER, audit.get(Audit.CORRELATION_ID)).body(receipt);
        });
    }

    /**
     * A record whose id is chosen in the command's transaction (after the {@code Idempotency-Key} is claimed, so a
     * retry chooses nothing): its id, the command that creates it, and the answer to give once it is recorded.
     */
    public record Chosen(String id, Object command, Function<RecordedResponse, Object> answer) {
    }

    /**
     * Creates a record whose id is chosen in the command's transaction (an actor's code, allocated from a table whose
     * unique constraint settles concurrent requests): answers 201 with the record's own answer and its location.
     */
    public ResponseEntity<JsonNode> createChosen(HttpServletRequest request, Object body, String collection,
                                                 java.util.function.Supplier<Chosen> choose) {
        if (request.getHeader("If-Match") != null) {
            throw ApiProblemException.badRequest("If-Match", "a new record has no version to match");
        }
        String principal = recorder(request);
        Map<String, String> audit = audit(request);
        String key = request.getHeader(IDEMPOTENCY_KEY);
        RecordingBatch batch = RecordingBatch.current();
        if (batch != null) {
            Chosen chosen = choose.get();
            sendInBatch(batch, chosen.command(), audit, chosen.id(), collection, HttpStatus.CREATED,
                    chosen.answer());
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(collection + "/" + chosen.id()))
                    .build();
        }
        return transaction.execute(tx -> {
            if (key != null) {
                ResponseEntity<String> earlier = claim(principal, key, hash(request, body));
                if (earlier != null) {
                    return ResponseEntity.status(earlier.getStatusCode()).headers(earlier.getHeaders())
                            .body(readTree(earlier.getBody()));
                }
            }
            Chosen chosen = choose.get();
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(chosen.command()).andMetaData(audit));
            RecordedResponse receipt = jdbc.queryForObject(LAST_EVENT,
                    (rs, n) -> RecordedResponse.of(chosen.id(), rs.getLong(1), rs.getLong(2)), chosen.id());
            JsonNode answer = json.valueToTree(chosen.answer().apply(receipt));
            URI location = URI.create(collection + "/" + chosen.id());
            String etag = "\"" + receipt.version() + "\"";
            if (key != null) {
                jdbc.update("UPDATE " + LEDGER + ".idempotency_record SET status = ?, location = ?, etag = ?, body = ?"
                                + " WHERE principal = ? AND key = ?",
                        HttpStatus.CREATED.value(), location.toString(), etag, answer.toString(), principal, key);
            }
            return ResponseEntity.status(HttpStatus.CREATED).location(location).eTag(etag)
                    .header(Audit.CORRELATION_HEADER, audit.get(Audit.CORRELATION_ID)).body(answer);
        });
    }

    private void sendInBatch(RecordingBatch batch, Object command, Map<String, String> audit, String id,
                             String collection, HttpStatus status, Function<RecordedResponse, Object> answer) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(audit);
        commands.sendAndWait(message);
        if (!batch.recorded(message.getIdentifier(), id, collection, status.value(), answer)) {
            throw new AggregateStreamCreationException("an earlier command of the batch created record " + id);
        }
    }

    /**
     * Records a batch of commands in one database transaction and one unit of work, so their events are appended
     * together: {@code send} calls each item's endpoint (a refusal ends the batch and records nothing). Honours the
     * request's {@code Idempotency-Key} as a single command does (a retry answers the first answer and writes
     * nothing). Answers 200 with {@code results}: per item, in order, its index, status, record id and location and
     * what its own endpoint answers (version, position, consistency token).
     */
    public ResponseEntity<JsonNode> recordBatch(HttpServletRequest request, Object body, String location,
                                                Consumer<RecordingBatch> send) {
        String principal = recorder(request);
        String key = request.getHeader(IDEMPOTENCY_KEY);
        return transaction.execute(tx -> {
            if (key != null) {
                ResponseEntity<String> earlier = claim(principal, key, hash(request, body));
                if (earlier != null) {
                    return ResponseEntity.status(earlier.getStatusCode()).headers(earlier.getHeaders())
                            .body(readTree(earlier.getBody()));
                }
            }
            RecordingBatch batch = RecordingBatch.open();
            try {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command batch"));
                try {
                    send.accept(batch);
                    refuseRecordedCreations(batch.items());
                    unitOfWork.commit();
                } catch (RuntimeException e) {
                    if (unitOfWork.isActive()) {
                        unitOfWork.rollback(e);
                    }
                    throw e;
                }
                ObjectNode answer = json.createObjectNode();
                ArrayNode results = answer.putArray("results");
                List<RecordingBatch.Item> items = batch.items();
                List<RecordedResponse> receipts = receipts(items);
                for (int i = 0; i < items.size(); i++) {
                    RecordingBatch.Item item = items.get(i);
                    ObjectNode result = results.addObject();
                    result.put("index", item.index());
                    result.put("status", item.status());
                    result.put("id", item.id());
                    result.put("location", item.location());
                    result.setAll((ObjectNode) json.valueToTree(item.answer(receipts.get(i))));
                }
                if (key != null) {
                    jdbc.update("UPDATE " + LEDGER + ".idempotency_record SET status = ?, location = ?, body = ?"
                                    + " WHERE principal = ? AND key = ?",
                            HttpStatus.OK.value(), location, answer.toString(), principal, key);
                }
                return ResponseEntity.ok().location(URI.create(location)).body(answer);
            } finally {
                batch.close();
            }
        });
    }

    /** Refuses, naming the item, a creation whose id is already on record (the store would refuse the whole batch). */
    private void refuseRecordedCreations(List<RecordingBatch.Item> items) {
        Map<String, Integer> created = new HashMap<>();
        items.stream().filter(RecordingBatch.Item::creates).forEach(item -> created.put(item.id(), item.index()));
        if (created.isEmpty()) {
            return;
        }
        List<String> onRecord = jdbc.queryForList("SELECT aggregate_identifier FROM " + LEDGER
                        + ".domain_event_entry WHERE aggregate_identifier = ANY (?) AND sequence_number = 0",
                String.class, (Object) created.keySet().toArray(String[]::new));
        onRecord.stream().map(created::get).min(Integer::compare).ifPresent(index -> {
            throw new RecordingBatch.ItemRefused(index, new AggregateStreamCreationException(
                    "a record with this id already exists"));
        });
    }

    /** Each item's receipt: its record's last event the item caused, with the position the store gave it. */
    private List<RecordedResponse> receipts(List<RecordingBatch.Item> items) {
        List<String> lastEvents = items.stream().filter(item -> !item.events().isEmpty())
                .map(item -> item.events().get(item.events().size() - 1).getIdentifier()).toList();
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT event_identifier, global_index FROM " + LEDGER
                        + ".domain_event_entry WHERE event_identifier = ANY (?)",
                rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                }, (Object) lastEvents.toArray(String[]::new));
        return items.stream().map(item -> {
            if (item.events().isEmpty()) {
                return jdbc.queryForObject(LAST_EVENT,
                        (rs, n) -> RecordedResponse.of(item.id(), rs.getLong(1), rs.getLong(2)), item.id());
            }
            DomainEventMessage<?> last = item.events().get(item.events().size() - 1);
            return RecordedResponse.of(item.id(), last.getSequenceNumber(), positions.get(last.getIdentifier()));
        }).toList();
    }

    /**
     * Claims the key for this request, or answers the earlier request's response. A concurrent request with the same
     * key waits on the row until the first one commits (or rolls back, freeing the key).
     */
    private ResponseEntity<String> claim(String principal, String key, String hash) {
        if (key.isBlank() || key.length() > 255) {
            throw ApiProblemException.badRequest(IDEMPOTENCY_KEY, "must be 1 to 255 characters");
        }
        int claimed = jdbc.update("INSERT INTO " + LEDGER + ".idempotency_record (principal, key, request_hash)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", principal, key, hash);
        if (claimed == 1) {
            return null;
        }
        return jdbc.queryForObject("SELECT request_hash, status, location, etag, body FROM " + LEDGER
                + ".idempotency_record WHERE principal = ? AND key = ?", (rs, n) -> {
            if (!rs.getString(1).equals(hash)) {
                throw new ApiProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused",
                        "this Idempotency-Key was used for a different request",
                        List.of(new FieldProblem(IDEMPOTENCY_KEY, "was used for a different request")));
            }
            ResponseEntity.BodyBuilder earlier = ResponseEntity.status(rs.getInt(2))
                    .location(URI.create(rs.getString(3))).header(REPLAYED, "true");
            if (rs.getString(4) != null) {
                earlier.eTag(rs.getString(4));
            }
            return earlier.body(rs.getString(5));
        }, principal, key);
    }

    /** The request's client and correlation id: the caller's when given in a usable form, else made here. */
    static Map<String, String> audit(HttpServletRequest request) {
        String client = request.getHeader(Audit.CLIENT_HEADER);
        if (client == null || client.isBlank()) {
            client = request.getHeader("User-Agent");
        }
        String correlation = RequestCorrelation.of(request);
        Map<String, String> audit = new java.util.HashMap<>();
        audit.put(Audit.CORRELATION_ID, correlation);
        if (client != null && !client.isBlank()) {
            audit.put(Audit.CLIENT, client.length() > 200 ? client.substring(0, 200) : client);
        }
        // set by the intake when it records a draft's accepted proposal; a client cannot set it
        if (request.getAttribute(Audit.DRAFT_ID) instanceof String draftId) {
            audit.put(Audit.DRAFT_ID, draftId);
        }
        return audit;
    }

    /** The version in {@code If-Match: "3"} (weak tags and {@code *} included); none when the header is absent. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ApiProblemException.badRequest("If-Match", "'" + ifMatch + "' is not a version such as \"3\"");
        }
    }

    /** Who records: the authenticated principal, or "anonymous". */
    static String recorder(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    }

    private String hash(HttpServletRequest request, Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(RecordedResponse receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordedResponse read(String body) {
        try {
            return json.readValue(body, RecordedResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
