package org.dyad.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.actors.ActorKind;
import org.dyad.contracts.actor.command.RecordActor;
import org.dyad.ledger.actor.RecordedActors;
import org.dyad.support.web.ApiProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

import static org.dyad.ledger.web.CommandRecorder.recorder;

@RestController
@RequestMapping(path = "/api/v1/actors", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Actors: record", description = "Actors the shipped reference list does not know")
public class ActorCommandController {

    private final CommandRecorder recorder;
    private final RecordedActors actors;

    ActorCommandController(CommandRecorder recorder, RecordedActors actors) {
        this.recorder = recorder;
        this.actors = actors;
    }

    /**
     * The recorded actor as the reference list shows actors, with the record's version, position and consistency
     * token (pass as {@code waitFor} to a view).
     */
    public record RecordedActorResponse(String code, String name, ActorKind kind, LocalDate validFrom,
                                        LocalDate validTo, List<String> successors, List<String> aliases,
                                        String belongsTo, long version, long position, String consistencyToken) {
    }

    @Operation(summary = "Record an actor the reference list does not know; Dyad assigns its code from ISO 3166's "
            + "user-assigned range (RecordActor → ActorRecorded)")
    @PostMapping
    public ResponseEntity<JsonNode> recordActor(@Valid @RequestBody RecordActorRequest body,
                                                HttpServletRequest request) {
        if (body.belongsTo() != null) {
            throw ApiProblemException.badRequest("belongsTo", "a " + body.kind() + " belongs to no state");
        }
        if (body.validFrom() != null && body.validTo() != null && !body.validFrom().isBefore(body.validTo())) {
            throw ApiProblemException.badRequest("validTo", "must be after validFrom");
        }
        return recorder.createChosen(request, body, "/api/v1/actors", () -> {
            String code = actors.allocate(body.kind(), body.name(), body.aliases(), body.validFrom(),
                    body.validTo());
            RecordActor command = new RecordActor(code, body.name().strip(), body.kind(),
                    RecordedActors.strip(body.aliases()), body.validFrom(), body.validTo(), null, body.source(),
                    body.grade(), recorder(request));
            return new CommandRecorder.Chosen(code, command, receipt -> new RecordedActorResponse(code,
                    command.name(), ActorKind.valueOf(command.kind().name()), command.validFrom(),
                    command.validTo(), List.of(), command.aliases(), null, receipt.version(), receipt.position(),
                    receipt.consistencyToken()));
        });
    }
}
