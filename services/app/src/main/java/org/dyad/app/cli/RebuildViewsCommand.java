package org.dyad.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;

@Command(name = "rebuild-views", description = "Rebuild every view from the start of the event topic, showing "
        + "progress; the old views keep serving until the new ones have caught up.")
class RebuildViewsCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        JobFollower follower = server.follower(System.out);
        URI url = server.baseUrl();
        HttpResponse<String> started = follower.http().send(follower.request(url.resolve("/api/v1/admin/rebuilds"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            System.err.println("Dyad refused the rebuild (" + started.statusCode() + "): " + started.body());
            return 1;
        }
        URI job = url.resolve(started.headers().firstValue("Location").orElseThrow());
        JsonNode end = follower.follow(job, "eventsDone", "eventsTotal");
        System.out.println("Rebuild " + end.path("phase").asText() + ": " + end.path("eventsDone").asLong()
                + " events" + (end.hasNonNull("error") ? " — " + end.path("error").asText() : ""));
        return "DONE".equals(end.path("phase").asText()) ? 0 : 1;
    }
}
