package org.dyad.views.deadletter;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.contracts.wire.UnreadableEventException;
import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.FieldProblem;
import org.dyad.support.web.ProblemType;
import org.dyad.views.ingest.EventBatchApplier;
import org.dyad.views.projection.ViewTables;
import org.dyad.views.web.answer.DeadLetterPageAnswer;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records the views could not read, parked with the reason; an operator looks at them and retries them. */
@RestController
@RequestMapping(path = "/api/v1/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: dead letters", description = "Records the views could not read, and their retry")
public class DeadLetterController {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventBatchApplier applier;

    DeadLetterController(JdbcTemplate jdbc, TransactionTemplate transaction, ViewTables liveViewTables) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.applier = new EventBatchApplier(liveViewTables, transaction);
    }

    @ApiResponse(responseCode = "200", description = "a page of parked records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DeadLetterPageAnswer.class)))
    @Operation(summary = "List parked records, oldest first, with the reason each could not be read")
    @GetMapping
    public Map<String, Object> listDeadLetters(@RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw ApiProblemException.badRequest("size", "page must be 0 or more and size 1 to 500");
        }
        List<Map<String, Object>> items = jdbc.queryForList("SELECT id, topic, partition, record_offset AS \"offset\","
                + " record_key AS \"key\", headers::text AS headers, reason, parked_at AS \"parkedAt\""
                + " FROM views.dead_letter ORDER BY id LIMIT ? OFFSET ?", size, (long) page * size);
        items.forEach(item -> item.put("headers", headers((String) item.get("headers"))));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", jdbc.queryForObject("SELECT count(*) FROM views.dead_letter", Long.class));
        return answer;
    }

    @Operation(summary = "Retry a parked record: if it can be read now it is applied and leaves the list; if not, "
            + "422 with the reason")
    @PostMapping("/{id}/retry")
    public Map<String, Object> retryDeadLetter(@PathVariable long id) {
        return transaction.execute(tx -> {
            List<Map<String, Object>> found = jdbc.queryForList("SELECT topic, partition, record_offset, record_key,"
                    + " headers::text AS headers, value FROM views.dead_letter WHERE id = ? FOR UPDATE", id);
            if (found.isEmpty()) {
                throw ApiProblemException.notFound("dead letter " + id);
            }
            Map<String, Object> row = found.get(0);
            RecordHeaders headers = new RecordHeaders();
            headers((String) row.get("headers")).forEach((k, v) ->
                    headers.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
            CloudEvent event;
            try {
                event = KafkaMessageFactory.createReader(headers, (byte[]) row.get("value")).toEvent();
                DyadCloudEvents.decode(event);
            } catch (RuntimeException e) {
                String reason = e instanceof UnreadableEventException ? e.getMessage() : "not a CloudEvent: "
                        + e.getMessage();
                throw new ApiProblemException(ProblemType.UNREADABLE_EVENT, "Still unreadable", reason,
                        List.of(new FieldProblem("id", reason)));
            }
            int applied = applier.applyParked(new ConsumerRecord<>((String) row.get("topic"),
                    (Integer) row.get("partition"), (Long) row.get("record_offset"), (String) row.get("record_key"),
                    event));
            jdbc.update("DELETE FROM views.dead_letter WHERE id = ?", id);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("applied", applied > 0);
            return answer;
        });
    }

    private static Map<String, String> headers(String json) {
        try {
            return DyadJson.mapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
