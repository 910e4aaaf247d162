package org.dyad.ledger.register;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dyad.contracts.register.command.RecordRegisterRelease;
import org.dyad.contracts.register.command.RecordRegisterReleaseImport;
import org.dyad.contracts.register.event.RegisterReleaseImported;
import org.dyad.contracts.register.event.RegisterReleaseRecorded;
import org.dyad.ledger.DyadCommandTargetResolver;

import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.dyad.ledger.Recording.provenance;
import static org.dyad.ledger.Recording.requireDate;
import static org.dyad.ledger.RuleViolationException.require;

/**
 * A release of a published register (SIPRI's trade register, republished whole every year): the record each imported
 * row's register entry names, with every import of a file of it and what became of the file's rows.
 */
@Aggregate(commandTargetResolver = DyadCommandTargetResolver.BEAN)
public class RegisterRelease {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private String releaseId;

    protected RegisterRelease() {
        // for event sourcing
    }

    @CommandHandler
    public RegisterRelease(RecordRegisterRelease command) {
        require(command.releaseId() != null && !command.releaseId().isBlank(), "releaseId", "name the release");
        require(command.register() != null && !command.register().isBlank(), "register",
                "name the register the release belongs to");
        requireDate("releasedOn", command.releasedOn());
        apply(new RegisterReleaseRecorded(command.releaseId(), command.register(), command.releasedOn(),
                provenance(command.source(), command.grade(), command.recordedBy())));
    }

    @CommandHandler
    void handle(RecordRegisterReleaseImport command) {
        require(command.jobId() != null && !command.jobId().isBlank(), "jobId", "name the import job");
        require(command.fileSha256() != null && DIGEST.matcher(command.fileSha256()).matches(), "fileSha256",
                "give the file's SHA-256 digest as 64 lower-case hexadecimal digits");
        require(command.counts() != null, "counts", "say what became of the file's rows");
        apply(new RegisterReleaseImported(releaseId, command.jobId(), command.fileName(), command.fileSha256(),
                command.charset(), command.counts(), provenance(command.source(), command.grade(),
                command.recordedBy())));
    }

    @EventSourcingHandler
    void on(RegisterReleaseRecorded event) {
        releaseId = event.releaseId();
    }
}
