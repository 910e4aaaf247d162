package org.dyad.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the demo scenario by posting each of its steps to Dyad's own REST API, exactly as a client would. Each step
 * is sent with its own Idempotency-Key, so a second start gets the first answers back and records nothing new.
 */
@Component
@ConditionalOnProperty(name = {"dyad.demo.enabled", "dyad.ledger.enabled"}, havingValue = "true",
        matchIfMissing = true)
class DemoScenarioLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoScenarioLoader.class);

    private final Resource scenario;
    private final ObjectMapper json;

    DemoScenarioLoader(@Value("${dyad.demo.scenario:classpath:demo/russia-iran-2001.json}") Resource scenario,
                       ObjectMapper json) {
        this.scenario = scenario;
        this.json = json;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) throws IOException {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        RestClient api = RestClient.create("http://127.0.0.1:" + web.getWebServer().getPort());
        JsonNode root;
        try (InputStream in = scenario.getInputStream()) {
            root = json.readTree(in);
        }
        int recorded = 0;
        int present = 0;
        for (JsonNode step : root.path("steps")) {
            String key = "demo:" + step.path("key").asText();
            String outcome = api.post().uri(step.path("post").asText())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", key)
                    .body(step.path("body"))
                    .exchange((request, response) -> !response.getStatusCode().is2xxSuccessful()
                            ? response.getStatusCode() + " " + new String(response.getBody().readAllBytes())
                            : response.getHeaders().containsKey("Idempotent-Replayed") ? "present" : "recorded");
            switch (outcome) {
                case "recorded" -> recorded++;
                case "present" -> present++;
                default -> log.error("Demo step {} was refused: {}", key, outcome);
            }
        }
        log.info("Demo scenario '{}': {} steps recorded, {} already present", root.path("title").asText(),
                recorded, present);
    }
}
