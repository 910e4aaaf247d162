package org.dyad.ledger.batch;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.dyad.ledger.IllegalTransitionException;
import org.dyad.ledger.RuleViolationException;
import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.FieldProblem;
import org.dyad.support.web.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refused command becomes the batch's problem, of the command's own kind, naming the command and its field. */
class CommandBatchesTest {

    @Test
    void aFieldTheEndpointRefusesIsNamedInTheCommandsBody() {
        ApiProblemException problem = CommandBatches.refusal(3,
                ApiProblemException.badRequest("validTo", "must be after validFrom"));

        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_FIELD);
        assertThat(problem.problems()).extracting(FieldProblem::field).containsExactly("commands[3].body.validTo");
        assertThat(problem.getMessage()).startsWith("commands[3]: ");
    }

    @Test
    void aStaleIfMatchIsNamedAsTheCommandsIfMatch() {
        assertThat(CommandBatches.refusal(1, ApiProblemException.badRequest("If-Match", "not a version"))
                .problems()).extracting(FieldProblem::field).containsExactly("commands[1].ifMatch");
        ApiProblemException stale = CommandBatches.refusal(2,
                new ConflictingAggregateVersionException("deal-1", 1, 4));
        assertThat(stale.type()).isEqualTo(ProblemType.STALE_VERSION);
        assertThat(stale.problems()).extracting(FieldProblem::field).containsExactly("commands[2].ifMatch");
    }

    @Test
    void theDomainsRefusalsKeepTheirKinds() {
        assertThat(CommandBatches.refusal(0, new RuleViolationException("signedBy", "acts for neither party")))
                .satisfies(p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.RULE_VIOLATED);
                    assertThat(p.problems()).extracting(FieldProblem::field)
                            .containsExactly("commands[0].body.signedBy");
                });
        assertThat(CommandBatches.refusal(4, new IllegalTransitionException("a contracted deal cannot open negotiations")).type())
                .isEqualTo(ProblemType.ILLEGAL_TRANSITION);
        assertThat(CommandBatches.refusal(5, new AggregateStreamCreationException("exists")).problems())
                .extracting(FieldProblem::field).containsExactly("commands[5].body.id");
        ApiProblemException unknown = CommandBatches.refusal(6, new AggregateNotFoundException("deal-9", "none"));
        assertThat(unknown.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(unknown.problems()).extracting(FieldProblem::field).isEqualTo(List.of("commands[6].path"));
    }

    @Test
    void aFailureThatIsNoRefusalIsNotDisguisedAsOne() {
        IllegalStateException failure = new IllegalStateException("database gone");
        assertThatThrownBy(() -> CommandBatches.refusal(0, failure)).isSameAs(failure);
    }
}
