package org.dyad.views.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.actors.Actor;
import org.dyad.actors.ActorKind;
import org.dyad.actors.ActorRegistry;
import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.ActorProfileReader;
import org.dyad.views.query.FetchActorProfile;
import org.dyad.views.web.answer.ActorProfileAnswer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/actors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Actors", description = "The reference list of states, dissolved states, groups and organisations")
public class ActorController {

    private final ReleaseTimes releaseTimes;
    private final ActorRegistry actors = ActorRegistry.standard();
    private final ActorProfileReader profiles;

    ActorController(ActorProfileReader profiles, ReleaseTimes releaseTimes) {
        this.releaseTimes = releaseTimes;
        this.profiles = profiles;
    }

    /** How many actors a search answers unless told. */
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;

    /**
     * An actor as the reference list has it, with whether it no longer exists and what a search matched: its name, an
     * alias (SIPRI's spellings among them), a demonym or its code.
     */
    public record ActorMatch(String code, String name, ActorKind kind, LocalDate validFrom, LocalDate validTo,
                             List<String> successors, List<String> aliases, String belongsTo, boolean historical,
                             String matched) {

        static ActorMatch of(ActorRegistry.Found found) {
            Actor a = found.actor();
            return new ActorMatch(a.code(), a.name(), a.kind(), a.validFrom(), a.validTo(), a.successors(),
                    a.aliases(), a.belongsTo(), found.historical(), found.matched());
        }
    }

    @Operation(summary = "Find actors by name, SIPRI spelling, demonym (\"Chinese\") or code, best match first; "
            + "without q, every actor (of the kind) by code")
    @GetMapping
    public List<ActorMatch> listActors(@RequestParam(required = false) ActorKind kind,
                                       @Parameter(description = "text to find: a name, alias, demonym or code")
                                       @RequestParam(required = false) String q,
                                       @Parameter(description = "at most this many (1 to 1000); 20 when q is given, "
                                               + "all without q")
                                       @RequestParam(required = false) Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ApiProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (q != null && q.length() > 200) {
            throw ApiProblemException.badRequest("q", "must be at most 200 characters");
        }
        int max = limit != null ? limit : q == null || q.isBlank() ? Integer.MAX_VALUE : DEFAULT_LIMIT;
        return actors.search(q, kind, max).stream().map(ActorMatch::of).toList();
    }

    @ApiResponse(responseCode = "200", description = "the actor's profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ActorProfileAnswer.class)))
    @Operation(summary = "Fetch an actor's profile: as supplier and as recipient, top partners, open deals, "
            + "agreements in force")
    @GetMapping("/{code}/profile")
    public ObjectNode fetchActorProfile(@PathVariable String code,
                                        @RequestParam(required = false) String asOf,
                                        @RequestParam(required = false) String knownAt,
                                        @Parameter(description = ReleaseTimes.AS_RELEASED)
                                        @RequestParam(required = false) String asReleased) {
        fetchActor(code);
        return profiles.fetch(new FetchActorProfile(code, TimeParameters.asOf(asOf),
                releaseTimes.knownAt(knownAt, asReleased)));
    }

    @Operation(summary = "Fetch one actor by code")
    @GetMapping("/{code}")
    public Actor fetchActor(@PathVariable String code) {
        KnownActors.require("code", code);
        return actors.byCode(code).orElseThrow();
    }
}
