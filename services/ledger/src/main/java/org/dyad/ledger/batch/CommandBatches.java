package org.dyad.ledger.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.dyad.ledger.Audit;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.dyad.ledger.intake.CommandEndpoints;
import org.dyad.ledger.web.CommandRecorder;
import org.dyad.ledger.web.NestedCommandRequest;
import org.dyad.ledger.web.RecordingBatch;
import org.dyad.support.web.RequestCorrelation;
import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.FieldProblem;
import org.dyad.support.web.ProblemType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Records a batch of commands all or none. Each command names the command endpoint it would be sent to on its own
 * ({@code POST path}) and that endpoint's body; it is read and validated as that endpoint reads it, then that
 * endpoint's method is called, so it meets the same checks, roles ({@code ANALYST}, as for every command endpoint)
 * and {@link CommandRecorder}. All commands run in one database transaction and one Axon unit of work: their events
 * are appended together when it commits, a later command sees what an earlier one recorded, and one refusal records
 * nothing. An analyst loading a file expects the file recorded or refused as a whole, so that a corrected file can
 * be sent again as it is.
 */
@Component
public class CommandBatches {

    static final String BATCHES = "/api/v1/batches";
    static final int MAX_COMMANDS = 1000;

    private final CommandEndpoints endpoints;
    private final CommandRecorder recorder;
    private final ObjectMapper json;
    private final Validator validator;

    CommandBatches(CommandEndpoints endpoints, CommandRecorder recorder, ObjectMapper json, Validator validator) {
        this.endpoints = endpoints;
        this.recorder = recorder;
        this.json = json;
        this.validator = validator;
    }

    /** A command of the batch, read: its place, its endpoint, and its body read into the endpoint's record. */
    private record Call(int index, String path, String ifMatch, CommandEndpoints.Endpoint endpoint, Object body) {
    }

    ResponseEntity<JsonNode> record(CommandBatchRequest batch, HttpServletRequest request) {
        List<Call> calls = read(batch);
        String correlationId = RequestCorrelation.of(request);
        try {
            ResponseEntity<JsonNode> answer = recorder.recordBatch(request, batch, BATCHES, recording -> {
                for (Call call : calls) {
                    recording.calling(call.index());
                    try {
                        endpoints.call(call.endpoint(), call.body(),
                                new NestedCommandRequest(request, call.path(), null, call.ifMatch(), correlationId));
                    } catch (RuntimeException e) {
                        throw new RecordingBatch.ItemRefused(call.index(), e);
                    }
                }
            });
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(Audit.CORRELATION_HEADER, correlationId).body(answer.getBody());
        } catch (RecordingBatch.ItemRefused refused) {
            throw refusal(refused.index(), refused.reason());
        }
    }

    /** Reads and checks every command before any is sent; all problems are named at once. */
    private List<Call> read(CommandBatchRequest batch) {
        if (batch == null || batch.commands() == null || batch.commands().isEmpty()) {
            throw ApiProblemException.badRequest("commands", "must list 1 to " + MAX_COMMANDS + " commands");
        }
        if (batch.commands().size() > MAX_COMMANDS) {
            throw ApiProblemException.badRequest("commands", "lists " + batch.commands().size()
                    + " commands; at most " + MAX_COMMANDS + " are recorded in one batch");
        }
        List<Call> calls = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < batch.commands().size(); i++) {
            CommandBatchRequest.Command command = batch.commands().get(i);
            String field = "commands[" + i + "]";
            if (command == null) {
                problems.add(new FieldProblem(field, "must be a command"));
                continue;
            }
            if (command.path() == null || command.path().isBlank()) {
                problems.add(new FieldProblem(field + ".path", "must name a command endpoint"));
                continue;
            }
            CommandEndpoints.Endpoint endpoint = endpoints.find("POST", command.path()).orElse(null);
            if (endpoint == null) {
                problems.add(new FieldProblem(field + ".path", "POST " + command.path()
                        + " is not a command endpoint"));
                continue;
            }
            if (command.body() == null) {
                problems.add(new FieldProblem(field + ".body", "must be the endpoint's body, a JSON object"));
                continue;
            }
            Object body;
            try {
                body = json.treeToValue(command.body(), endpoint.bodyType());
            } catch (JsonMappingException e) {
                problems.add(new FieldProblem(field + ".body" + jsonPath(e), e.getOriginalMessage()));
                continue;
            } catch (JsonProcessingException e) {
                problems.add(new FieldProblem(field + ".body", e.getOriginalMessage()));
                continue;
            }
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                problems.add(new FieldProblem(field + ".body." + violation.getPropertyPath(), violation.getMessage()));
            }
            calls.add(new Call(i, command.path(), command.ifMatch(), endpoint, body));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((FieldProblem p) -> index(p.field())).thenComparing(FieldProblem::field));
            throw new ApiProblemException(ProblemType.INVALID_FIELD, "Invalid request",
                    problems.get(0).field() + ": " + problems.get(0).reason(), problems);
        }
        return calls;
    }

    private static int index(String field) {
        return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A command's refusal as the problem of the batch, naming the command and, where known, its field. */
    static ApiProblemException refusal(int index, RuntimeException e) {
        String field = "commands[" + index + "]";
        String about = field + ": ";
        if (e instanceof ApiProblemException problem) {
            List<FieldProblem> named = problem.problems().stream()
                    .map(p -> new FieldProblem(p.field().equals("If-Match") ? field + ".ifMatch"
                            : field + ".body." + p.field(), p.reason())).toList();
            return new ApiProblemException(problem.type(), problem.title(), about + problem.getMessage(),
                    named.isEmpty() ? List.of(new FieldProblem(field, problem.getMessage())) : named);
        }
        if (e instanceof RuleViolationException rule) {
            return new ApiProblemException(ProblemType.RULE_VIOLATED, "Rule violated", about + rule.getMessage(),
                    List.of(new FieldProblem(field + ".body." + rule.field(), rule.reason())));
        }
        if (e instanceof IllegalTransitionException transition) {
            return new ApiProblemException(ProblemType.ILLEGAL_TRANSITION, "Not allowed in the record's current state",
                    about + transition.getMessage(), List.of(new FieldProblem(field, transition.getMessage())));
        }
        if (e instanceof ConflictingAggregateVersionException stale) {
            return new ApiProblemException(ProblemType.STALE_VERSION, "Stale version", about + "the record is at "
                    + "version " + stale.getActualVersion() + ", not " + stale.getExpectedVersion(),
                    List.of(new FieldProblem(field + ".ifMatch", "expected version " + stale.getExpectedVersion()
                            + " is stale")));
        }
        if (e instanceof AggregateStreamCreationException) {
            return new ApiProblemException(ProblemType.ALREADY_RECORDED, "Already recorded",
                    about + "a record with this id already exists",
                    List.of(new FieldProblem(field + ".body.id", "already exists")));
        }
        if (e instanceof AggregateNotFoundException missing) {
            return new ApiProblemException(ProblemType.NOT_FOUND, "Not found", about + "no record with id "
                    + missing.getAggregateIdentifier(), List.of(new FieldProblem(field + ".path",
                    "names record " + missing.getAggregateIdentifier() + ", which is not on record")));
        }
        if (e instanceof ConcurrencyException) {
            return new ApiProblemException(ProblemType.CONCURRENT_CHANGE, "Concurrent change",
                    about + "the record was changed by another request; read it again and retry",
                    List.of(new FieldProblem(field, "the record was changed by another request")));
        }
        if (e instanceof IllegalArgumentException illegal) {
            return new ApiProblemException(ProblemType.INVALID_FIELD, "Invalid request", about + illegal.getMessage(),
                    List.of(new FieldProblem(field + ".body", illegal.getMessage())));
        }
        throw e;
    }
}
