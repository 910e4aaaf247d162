package org.dyad.views.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.support.web.ApiProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping(path = "/api/v1/admin/rebuilds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: rebuild", description = "Rebuild every view from the start of the event topic")
public class RebuildController {

    private final ViewRebuild rebuild;

    RebuildController(ViewRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Start rebuilding the views (202; 409 while one is running); old views serve meanwhile")
    @PostMapping
    public ResponseEntity<RebuildProgress> startRebuild() {
        RebuildProgress started = rebuild.start();
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/rebuilds/" + started.id())).body(started);
    }

    @Operation(summary = "Fetch a rebuild's progress: events done and total, rate, estimated time left")
    @GetMapping("/{id}")
    public RebuildProgress fetchRebuild(@PathVariable String id) {
        return rebuild.progress(id).orElseThrow(() -> ApiProblemException.notFound("rebuild " + id));
    }
}
