package org.dyad.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.dyad.support.web.FieldProblem;
import org.dyad.support.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

import static org.dyad.support.web.ProblemDetailsAdvice.problem;

/**
 * How the domain's refusals reach clients: rules → 422, illegal transitions and existing ids → 409, a stale
 * {@code If-Match} → 412 (RFC 9110: the precondition the client set no longer holds), unknown ids → 404.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerExceptionAdvice {

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> onRuleViolation(RuleViolationException e) {
        return problem(ProblemType.RULE_VIOLATED, "Rule violated", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.reason())));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> onIllegalTransition(IllegalTransitionException e) {
        return problem(ProblemType.ILLEGAL_TRANSITION, "Not allowed in the record's current state", e.getMessage(),
                List.of());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> onStaleVersion(ConflictingAggregateVersionException e) {
        return problem(ProblemType.STALE_VERSION, "Stale version", "the record is at version "
                + e.getActualVersion() + ", not " + e.getExpectedVersion() + "; read it again and retry",
                List.of(new FieldProblem("If-Match", "expected version " + e.getExpectedVersion() + " is stale")));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> onExistingId(AggregateStreamCreationException e) {
        return problem(ProblemType.ALREADY_RECORDED, "Already recorded", "a record with this id already exists",
                List.of(new FieldProblem("id", "already exists")));
    }

    /**
     * Another request changed the record between loading and storing. With {@code If-Match} the client's version is
     * stale now (412); without, the change raced another one (409).
     */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> onConcurrentChange(ConcurrencyException e, HttpServletRequest request) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            return problem(ProblemType.STALE_VERSION, "Stale version",
                    "the record was changed by another request; read it again and retry",
                    List.of(new FieldProblem("If-Match", "expected version " + ifMatch + " is stale")));
        }
        return problem(ProblemType.CONCURRENT_CHANGE, "Concurrent change",
                "the record was changed by another request; read it again and retry", List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> onUnknownId(AggregateNotFoundException e) {
        return problem(ProblemType.NOT_FOUND, "Not found", "no record with id " + e.getAggregateIdentifier(),
                List.of());
    }
}
