package org.dyad.views.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.actors.Actor;
import org.dyad.actors.ActorKind;
import org.dyad.actors.ActorRegistry;
import org.dyad.views.query.ActorProfileReader;
import org.dyad.views.query.FetchActorProfile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

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

    @Operation(summary = "List actors, optionally by kind or by a name/code fragment (for type-ahead)")
    @GetMapping
    public List<Actor> listActors(@RequestParam(required = false) ActorKind kind,
                                  @RequestParam(required = false) String q) {
        String fragment = q == null ? null : q.toLowerCase(Locale.ROOT);
        return actors.all().stream()
                .filter(a -> kind == null || a.kind() == kind)
                .filter(a -> fragment == null || a.code().toLowerCase(Locale.ROOT).startsWith(fragment)
                        || a.name().toLowerCase(Locale.ROOT).contains(fragment)
                        || a.aliases().stream().anyMatch(alias -> alias.toLowerCase(Locale.ROOT).contains(fragment)))
                .toList();
    }

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
