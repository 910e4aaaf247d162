package org.dyad.ledger.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.dyad.intake.Draft;
import org.dyad.intake.InvalidTextException;
import org.dyad.intake.TextKind;
import org.dyad.intake.TextSource;
import org.dyad.ledger.Audit;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.LedgerConfiguration;
import org.dyad.ledger.RuleViolationException;
import org.dyad.ledger.web.NestedCommandRequest;
import org.dyad.ledger.web.RecordedResponse;
import org.dyad.support.web.RequestCorrelation;
import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.FieldProblem;
import org.dyad.support.web.ProblemType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts kept in {@code ledger.intake_draft}, and their acceptance: the accepted proposals are recorded through the
 * command endpoints they name ({@link CommandEndpoints}), each body read into the endpoint's request record and
 * validated first, all in one transaction with the draft's update, so that one refusal records nothing.
 */
@Component
class IntakeDrafts {

    static final String DRAFTED = "DRAFTED";
    static final String ACCEPTED = "ACCEPTED";
    /** A placeholder the engine leaves in a path for a record the analyst chooses, e.g. {@code {agreementId}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    /** The collection whose newly recorded member a placeholder names. */
    private static final Map<String, String> PLACEHOLDER_COLLECTIONS = Map.of(
            "agreementId", "/api/v1/agreements", "dealId", "/api/v1/deals",
            "statementId", "/api/v1/statements", "embargoId", "/api/v1/embargoes");
    private static final int MAX_DECISIONS = 200;
    private static final String LEDGER = LedgerConfiguration.SCHEMA;

    private final IntakeEngines engines;
    private final CommandEndpoints endpoints;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Validator validator;

    IntakeDrafts(IntakeEngines engines, CommandEndpoints endpoints, JdbcTemplate jdbc,
                 PlatformTransactionManager transactions, ObjectMapper json, Validator validator) {
        this.engines = engines;
        this.endpoints = endpoints;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.validator = validator;
    }

    /**
     * Drafts the text and keeps the draft; answers it as {@link #find} does.
     *
     * @param fieldNames how the engine's fields ({@code text}, {@code source}, {@code source.language}) are named
     *                   in the request that sent them
     */
    ObjectNode create(String text, TextSource source, TextKind kind, String createdBy,
                      Map<String, String> fieldNames) {
        Draft draft;
        try {
            draft = engines.engine().draft(text, source, kind);
        } catch (InvalidTextException e) {
            throw ApiProblemException.badRequest(fieldNames.getOrDefault(e.field(), e.field()),
                    e.getMessage().substring(e.field().length() + 2));
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO " + LEDGER + ".intake_draft (id, draft, text, source, created_by)"
                        + " VALUES (?, ?::jsonb, ?, ?::jsonb, ?)", id, write(json.valueToTree(draft)), text,
                write(json.valueToTree(source)), createdBy);
        return find(id);
    }

    /** The draft with its id, creator, times, status, text and, once accepted, what was recorded and rejected. */
    ObjectNode find(String id) {
        List<ObjectNode> found = jdbc.query("SELECT draft, text, created_by, created_at, accepted_by, accepted_at,"
                + " accepted, rejected FROM " + LEDGER + ".intake_draft WHERE id = ?", (rs, n) -> {
            ObjectNode view = json.createObjectNode();
            view.put("id", id);
            view.put("status", rs.getString("accepted_at") == null ? DRAFTED : ACCEPTED);
            view.put("createdBy", rs.getString("created_by"));
            view.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
            view.setAll((ObjectNode) read(rs.getString("draft")));
            view.put("text", rs.getString("text"));
            Timestamp acceptedAt = rs.getTimestamp("accepted_at");
            if (acceptedAt != null) {
                ObjectNode acceptance = view.putObject("acceptance");
                acceptance.put("acceptedBy", rs.getString("accepted_by"));
                acceptance.put("acceptedAt", acceptedAt.toInstant().toString());
                acceptance.set("accepted", read(rs.getString("accepted")));
                acceptance.set("rejected", read(rs.getString("rejected")));
            }
            return view;
        }, id);
        if (found.isEmpty()) {
            throw ApiProblemException.notFound("draft " + id);
        }
        return found.get(0);
    }

    /** One accepted proposal, checked and ready to send. */
    private record Step(int index, String proposalId, String draftedId, ObjectNode body, boolean edited,
                        String pathTemplate, Object request, boolean createsRecord) {
    }

    /**
     * Records the accepted proposals and keeps the decisions with the draft; answers the draft as {@link #find} does.
     * Refused (nothing recorded) when the draft is unknown (404) or was accepted already (409), when a decision names
     * a proposal the draft lacks, when a body is no valid request of its endpoint, or when a command is refused.
     */
    ObjectNode accept(String draftId, DraftAcceptanceRequest decisions, HttpServletRequest request) {
        ObjectNode draft = find(draftId);
        requireNotAccepted(draft.path("status").asText(), draftId);
        if (decisions.accepted().size() > MAX_DECISIONS || decisions.rejected().size() > MAX_DECISIONS) {
            throw ApiProblemException.badRequest("accepted", "at most " + MAX_DECISIONS + " accepted and "
                    + MAX_DECISIONS + " rejected proposals");
        }
        Map<String, JsonNode> proposals = new LinkedHashMap<>();
        draft.path("proposals").forEach(p -> proposals.put(p.path("id").asText(), p));
        Set<String> rejected = new HashSet<>();
        for (int j = 0; j < decisions.rejected().size(); j++) {
            String proposalId = decisions.rejected().get(j);
            if (proposalId == null || !proposals.containsKey(proposalId)) {
                throw ApiProblemException.badRequest("rejected[" + j + "]", "the draft has no proposal '"
                        + proposalId + "'");
            }
            if (!rejected.add(proposalId)) {
                throw ApiProblemException.badRequest("rejected[" + j + "]", "'" + proposalId + "' is listed twice");
            }
        }
        List<Step> steps = check(decisions, proposals, rejected);
        String recordedBy = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        String correlationId = RequestCorrelation.of(request);
        transaction.executeWithoutResult(tx -> {
            String acceptedAt = jdbc.queryForObject("SELECT accepted_at::text FROM " + LEDGER
                    + ".intake_draft WHERE id = ? FOR UPDATE", String.class, draftId);
            requireNotAccepted(acceptedAt == null ? DRAFTED : ACCEPTED, draftId);
            request.setAttribute(Audit.DRAFT_ID, draftId);
            ArrayNode recorded = json.createArrayNode();
            Map<String, String> createdIn = new HashMap<>();
            Map<String, String> renamed = new HashMap<>();
            for (Step step : steps) {
                String path = concretePath(step, createdIn, renamed);
                CommandEndpoints.Endpoint endpoint = endpoints.find("POST", path).orElseThrow(() ->
                        ApiProblemException.badRequest("accepted[" + step.index() + "]", "proposal "
                                + step.proposalId() + ": POST " + path + " is not a command endpoint"));
                ResponseEntity<?> answer;
                try {
                    answer = endpoints.call(endpoint, step.request(),
                            new NestedCommandRequest(request, path, "intake:" + draftId + ":" + step.proposalId(), null,
                                    correlationId));
                } catch (RuntimeException e) {
                    throw refusal(step, e);
                }
                RecordedResponse receipt = (RecordedResponse) answer.getBody();
                if (step.createsRecord()) {
                    if (collectionOf(step.pathTemplate()) != null) {
                        createdIn.put(collectionOf(step.pathTemplate()), receipt.id());
                    }
                    if (step.draftedId() != null && !step.draftedId().equals(receipt.id())) {
                        renamed.put(step.draftedId(), receipt.id());
                    }
                }
                ObjectNode entry = recorded.addObject();
                entry.put("proposalId", step.proposalId());
                entry.put("endpoint", "POST " + path);
                entry.set("body", step.body());
                entry.put("edited", step.edited());
                entry.put("recordId", receipt.id());
                entry.put("version", receipt.version());
                entry.put("position", receipt.position());
                entry.put("consistencyToken", receipt.consistencyToken());
            }
            jdbc.update("UPDATE " + LEDGER + ".intake_draft SET accepted_by = ?, accepted_at = now(),"
                            + " accepted = ?::jsonb, rejected = ?::jsonb WHERE id = ?", recordedBy, write(recorded),
                    write(json.valueToTree(decisions.rejected())), draftId);
        });
        return find(draftId);
    }

    /** Checks every accepted proposal before anything is sent: that it exists, its path, and its body. */
    private List<Step> check(DraftAcceptanceRequest decisions, Map<String, JsonNode> proposals, Set<String> rejected) {
        List<Step> steps = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        Set<String> collectionsCreated = new HashSet<>();
        for (int i = 0; i < decisions.accepted().size(); i++) {
            DraftAcceptanceRequest.AcceptedProposal decision = decisions.accepted().get(i);
            String field = "accepted[" + i + "]";
            String proposalId = decision == null ? null : decision.proposalId();
            if (proposalId == null || !proposals.containsKey(proposalId)) {
                throw ApiProblemException.badRequest(field + ".proposalId", "the draft has no proposal '"
                        + proposalId + "'");
            }
            if (!accepted.add(proposalId)) {
                throw ApiProblemException.badRequest(field + ".proposalId", "'" + proposalId + "' is accepted twice");
            }
            if (rejected.contains(proposalId)) {
                throw ApiProblemException.badRequest(field + ".proposalId", "'" + proposalId
                        + "' is both accepted and rejected");
            }
            JsonNode proposal = proposals.get(proposalId);
            ObjectNode drafted = (ObjectNode) proposal.path("body");
            ObjectNode body = decision.body() != null ? decision.body() : drafted.deepCopy();
            String[] endpoint = proposal.path("endpoint").asText().split(" ", 2);
            if (endpoint.length != 2 || !"POST".equals(endpoint[0])) {
                throw ApiProblemException.badRequest(field, "proposal " + proposalId + " has no command endpoint");
            }
            String template = endpoint[1];
            Matcher placeholders = PLACEHOLDER.matcher(template);
            while (placeholders.find()) {
                String collection = PLACEHOLDER_COLLECTIONS.get(placeholders.group(1));
                if (collection == null || !collectionsCreated.contains(collection)) {
                    throw ApiProblemException.badRequest(field, "proposal " + proposalId + ": its path " + template
                            + " names {" + placeholders.group(1) + "}, which no earlier accepted proposal records;"
                            + " accept the proposal that records it before this one, or record the command by hand");
                }
            }
            String probe = PLACEHOLDER.matcher(template).replaceAll("probe-id");
            CommandEndpoints.Endpoint target = endpoints.find("POST", probe).orElseThrow(() ->
                    ApiProblemException.badRequest(field, "proposal " + proposalId + ": POST " + template
                            + " is not a command endpoint"));
            Object requestRecord;
            try {
                requestRecord = json.treeToValue(body, target.bodyType());
            } catch (JsonMappingException e) {
                problems.add(new FieldProblem(field + ".body" + jsonPath(e), e.getOriginalMessage()));
                continue;
            } catch (JsonProcessingException e) {
                problems.add(new FieldProblem(field + ".body", e.getOriginalMessage()));
                continue;
            }
            for (ConstraintViolation<Object> violation : validator.validate(requestRecord)) {
                problems.add(new FieldProblem(field + ".body." + violation.getPropertyPath(), violation.getMessage()));
            }
            boolean creates = target.pathVariables().isEmpty();
            if (creates && collectionOf(template) != null) {
                collectionsCreated.add(collectionOf(template));
            }
            steps.add(new Step(i, proposalId, drafted.path("id").isTextual() ? drafted.path("id").asText() : null,
                    body, decision.body() != null && !decision.body().equals(drafted), template, requestRecord,
                    creates));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(FieldProblem::field));
            throw new ApiProblemException(ProblemType.INVALID_FIELD, "Invalid request",
                    problems.get(0).field() + ": " + problems.get(0).reason(), problems);
        }
        return steps;
    }

    /**
     * The path to send a proposal to: each placeholder is the id the latest earlier accepted proposal of its
     * collection got, and a record drafted under one id but recorded under another (the analyst edited it) is named
     * by the id it got.
     */
    private static String concretePath(Step step, Map<String, String> createdIn, Map<String, String> renamed) {
        Matcher placeholders = PLACEHOLDER.matcher(step.pathTemplate());
        StringBuilder path = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(path, Matcher.quoteReplacement(
                    createdIn.get(PLACEHOLDER_COLLECTIONS.get(placeholders.group(1)))));
        }
        placeholders.appendTail(path);
        String[] segments = path.toString().split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            segments[s] = renamed.getOrDefault(segments[s], segments[s]);
        }
        return String.join("/", segments);
    }

    /** The collection a record-creating endpoint adds to ({@code POST /api/v1/deals/notifications}: deals). */
    private static String collectionOf(String path) {
        return PLACEHOLDER_COLLECTIONS.values().stream()
                .filter(c -> path.equals(c) || path.startsWith(c + "/")).findFirst().orElse(null);
    }

    /** The field of a body Jackson could not read, as {@code .items[0].quantity}. */
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

    /** A command's refusal, naming the accepted proposal (and its body's field) it came from. */
    private static RuntimeException refusal(Step step, RuntimeException e) {
        String field = "accepted[" + step.index() + "]";
        String about = field + " (proposal " + step.proposalId() + "): ";
        if (e instanceof ApiProblemException problem) {
            List<FieldProblem> named = problem.problems().stream()
                    .map(p -> new FieldProblem(field + ".body." + p.field(), p.reason())).toList();
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
        if (e instanceof AggregateStreamCreationException) {
            return new ApiProblemException(ProblemType.ALREADY_RECORDED, "Already recorded",
                    about + "a record with this id already exists",
                    List.of(new FieldProblem(field + ".body.id", "already exists")));
        }
        if (e instanceof AggregateNotFoundException missing) {
            String reason = "names record " + missing.getAggregateIdentifier() + ", which is not on record";
            return new ApiProblemException(ProblemType.RULE_VIOLATED, "Rule violated", about + reason,
                    List.of(new FieldProblem(field, reason)));
        }
        if (e instanceof ConcurrencyException) {
            return new ApiProblemException(ProblemType.CONCURRENT_CHANGE, "Concurrent change",
                    about + "the record was changed by another request; read it again and retry", List.of());
        }
        return e;
    }

    private static void requireNotAccepted(String status, String draftId) {
        if (ACCEPTED.equals(status)) {
            throw new ApiProblemException(ProblemType.ALREADY_RECORDED, "Draft already accepted",
                    "draft " + draftId + " was accepted already; a draft is accepted once",
                    List.of(new FieldProblem("id", "draft " + draftId + " was accepted already")));
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
