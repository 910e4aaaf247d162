package org.dyad.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.sipri.ReferenceDirectory;
import org.dyad.support.security.Roles;
import org.dyad.support.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the demo scenario by posting each of its steps to Dyad's own REST API, exactly as a client would. Each step
 * is sent with its own Idempotency-Key, so a second start gets the first answers back and records nothing new. Then,
 * as a local admin, it imports a sample of SIPRI's trade register (a re-import changes nothing), so that the overview
 * has figures to show.
 */
@Component
@ConditionalOnProperty(name = {"dyad.demo.enabled", "dyad.ledger.enabled"}, havingValue = "true",
        matchIfMissing = true)
class DemoScenarioLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoScenarioLoader.class);

    private final Resource scenario;
    private final Resource tradeRegister;
    private final ObjectMapper json;
    private final SecurityProperties security;

    DemoScenarioLoader(@Value("${dyad.demo.scenario:classpath:demo/russia-iran-2001.json}") Resource scenario,
                       @Value("${dyad.demo.trade-register:}") String tradeRegister, ResourceLoader resources,
                       ObjectMapper json, SecurityProperties security) {
        this.scenario = scenario;
        // SIPRI's sample is a published text, kept beside the checkout rather than in it
        this.tradeRegister = !tradeRegister.isBlank() ? resources.getResource(tradeRegister) : ReferenceDirectory.find()
                .map(dir -> dir.resolve(ReferenceDirectory.SIPRI_SAMPLE))
                .<Resource>map(FileSystemResource::new).orElse(null);
        this.json = json;
        this.security = security;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) throws IOException {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        // The demo records as a local analyst; with tokens from an issuer there is no local user to record as.
        SecurityProperties.User analyst = security.users().stream()
                .filter(u -> Roles.ANALYST.equals(u.role()) || Roles.ADMIN.equals(u.role())).findFirst().orElse(null);
        if (!"local".equals(security.mode()) || analyst == null) {
            log.info("Demo scenario not loaded: it needs a local analyst user (dyad.security.mode=local)");
            return;
        }
        RestClient api = RestClient.builder().baseUrl("http://127.0.0.1:" + web.getWebServer().getPort())
                .defaultHeaders(h -> h.setBasicAuth(analyst.name(), analyst.password())).build();
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
        importTradeRegister(web.getWebServer().getPort());
    }

    private void importTradeRegister(int port) throws IOException {
        SecurityProperties.User admin = security.users().stream().filter(u -> Roles.ADMIN.equals(u.role()))
                .findFirst().orElse(null);
        if (admin == null || tradeRegister == null || !tradeRegister.exists()) {
            log.info("Demo trade register not imported: SIPRI's sample ({}) was not found in the reference directory"
                    + " beside the checkout (shared/reference, or {}); import one with import-sipri",
                    ReferenceDirectory.SIPRI_SAMPLE, ReferenceDirectory.VARIABLE);
            return;
        }
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(tradeRegister.getContentAsByteArray()) {
            @Override
            public String getFilename() {
                return tradeRegister.getFilename();
            }
        });
        String job = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth(admin.name(), admin.password())).build()
                .post().uri("/api/v1/imports/sipri").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
                        ? String.valueOf(response.getHeaders().getLocation())
                        : "refused: " + response.getStatusCode() + " " + new String(response.getBody().readAllBytes()));
        log.info("Demo trade register sample '{}': import {}", tradeRegister.getFilename(), job);
    }
}
