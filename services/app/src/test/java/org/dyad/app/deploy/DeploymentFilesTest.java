package org.dyad.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files parse and say what running Dyad outside one machine needs: external Kafka and PostgreSQL,
 * the two sides as separate services, health checks on the actuator, resource requests, autoscaling of the read side.
 */
@SuppressWarnings("unchecked")
public class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("../../deploy");

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    private static List<Map<String, Object>> kubernetes() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(Files.readString(DEPLOY.resolve("kubernetes/dyad.yaml")))
                .forEach(d -> documents.add(at(d)));
        return documents;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void bothSidesRunAsDeploymentsWithProbesAndRequests() throws IOException {
        List<Map<String, Object>> documents = kubernetes();
        for (String[] side : new String[][]{{"dyad-ledger", "DYAD_VIEWS_ENABLED"}, {"dyad-views", "DYAD_LEDGER_ENABLED"}}) {
            Map<String, Object> container = ((List<Map<String, Object>>) at(kind(documents, "Deployment", side[0]),
                    "spec", "template", "spec", "containers")).get(0);
            assertThat((String) at(container, "readinessProbe", "httpGet", "path"))
                    .isEqualTo("/actuator/health/readiness");
            assertThat((String) at(container, "livenessProbe", "httpGet", "path"))
                    .isEqualTo("/actuator/health/liveness");
            assertThat((Map<String, Object>) at(container, "resources", "requests")).containsKeys("cpu", "memory");
            List<Map<String, Object>> env = at(container, "env");
            assertThat(env).anySatisfy(e -> {
                assertThat(e.get("name")).isEqualTo(side[1]);
                assertThat(e.get("value")).isEqualTo("false");
            });
        }
        Map<String, Object> config = kind(documents, "ConfigMap", "dyad");
        assertThat((Map<String, Object>) config.get("data")).containsEntry("DYAD_EMBEDDED", "false")
                .containsEntry("DYAD_SECURITY_MODE", "jwt").containsKey("DYAD_SECURITY_AUDIENCE");
    }

    @Test
    void theReadSideScalesUpToThePartitionCount() throws IOException {
        List<Map<String, Object>> documents = kubernetes();
        Map<String, Object> hpa = kind(documents, "HorizontalPodAutoscaler", "dyad-views");
        assertThat((String) at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("dyad-views");
        int partitions = Integer.parseInt(at(kind(documents, "ConfigMap", "dyad"), "data", "DYAD_KAFKA_PARTITIONS"));
        assertThat((Integer) at(hpa, "spec", "maxReplicas")).isLessThanOrEqualTo(partitions);
    }

    @Test
    void composeRunsKafkaPostgresAndBothSidesWithHealthChecks() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose/compose.yaml")));
        Map<String, Object> services = at(compose, "services");
        assertThat(services).containsOnlyKeys("kafka", "postgres", "ledger", "views");
        services.forEach((name, service) -> assertThat((Object) at(service, "healthcheck")).as(name).isNotNull());
        for (String side : List.of("ledger", "views")) {
            assertThat((Map<String, Object>) at(services.get(side), "depends_on")).containsKeys("kafka", "postgres");
            assertThat((Map<String, Object>) at(services.get(side), "environment")).containsEntry("DYAD_EMBEDDED", "false");
        }
        assertThat((String) at(services.get("kafka"), "image")).startsWith("apache/kafka:");
        assertThat(Files.readString(DEPLOY.resolve("docker/Dockerfile"))).contains("FROM eclipse-temurin:17-jre",
                "ENTRYPOINT");
    }

    @Test
    void composeAcceptsTheComposeFile() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
        } catch (IOException noDocker) {
            Assumptions.abort("docker is not installed here: deploy/compose/compose.yaml not checked by Compose");
            return;
        }
        boolean compose = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        Assumptions.assumeTrue(compose, "docker compose is not available here: compose.yaml not checked by Compose");
        ProcessBuilder config = new ProcessBuilder("docker", "compose", "-f",
                DEPLOY.resolve("compose/compose.yaml").toString(), "config", "--quiet").redirectErrorStream(true);
        config.environment().putAll(Map.of("DYAD_VIEWER_PASSWORD", "v", "DYAD_ANALYST_PASSWORD", "a",
                "DYAD_ADMIN_PASSWORD", "d"));
        Process check = config.start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    /** The PromQL of every query of the Grafana dashboard, by panel title. */
    public static Map<String, List<String>> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dyad.json").toFile());
        Map<String, List<String>> queries = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                List<String> expressions = new ArrayList<>();
                panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
                queries.put(panel.path("title").asText(), expressions);
            }
        }
        return queries;
    }

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right");

    /**
     * The metric names a PromQL expression reads: its identifiers once strings, label matchers, ranges and the label
     * lists of {@code by}/{@code without}/{@code on}/{@code ignoring} are taken out, except functions and keywords.
     */
    public static Set<String> metricsIn(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^\\]]*\\]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> metrics = new LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()")
                .matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group())) {
                metrics.add(m.group());
            }
        }
        return metrics;
    }

    @Test
    void theMetricNamesOfAQueryAreFound() {
        assertThat(metricsIn("sum by (outcome) (rate(dyad_commands_total{job=~\"$job\", outcome!=\"a{b}\"}"
                + "[$__rate_interval])) / on (instance) max(jvm_threads_live_threads) > bool 0"))
                .containsExactly("dyad_commands_total", "jvm_threads_live_threads");
    }

    @Test
    void theGrafanaDashboardCoversCommandsPublicationViewsQueriesDeadLettersAndTheJvm() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dyad.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> rows = new ArrayList<>();
        Set<Integer> ids = new LinkedHashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            if ("row".equals(panel.path("type").asText())) {
                rows.add(panel.path("title").asText());
            } else {
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
            }
        }
        assertThat(rows).containsExactly("Commands", "Publication", "Views", "Queries", "JVM and database");
        Map<String, List<String>> queries = dashboardQueries();
        queries.forEach((title, expressions) -> expressions.forEach(e ->
                assertThat(metricsIn(e)).as("%s: %s", title, e).isNotEmpty()));
        Set<String> read = new LinkedHashSet<>();
        queries.values().forEach(es -> es.forEach(e -> read.addAll(metricsIn(e))));
        assertThat(read).contains("dyad_commands_total", "dyad_publisher_lag",
                "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds_count",
                "dyad_views_dead_letters", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");
    }

    /** The metric names an alert rule expression reads (Dyad's, Kafka clients', HikariCP's, HTTP server's). */
    public static List<String> alertedMetrics() throws IOException {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> rule : alertRules()) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("\\b(dyad|kafka|hikaricp|http_server)_[a-z_]+").matcher((String) rule.get("expr"));
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names.stream().distinct().toList();
    }

    private static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/alerts.yaml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            assertThat(group).containsKeys("name", "rules");
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @Test
    void alertRulesAreCompleteAndCoverLagDeadLettersErrorsAndThePool() throws IOException {
        List<Map<String, Object>> rules = alertRules();
        for (Map<String, Object> rule : rules) {
            assertThat(rule).as(String.valueOf(rule.get("alert"))).containsKeys("alert", "expr", "for", "labels",
                    "annotations");
            assertThat((String) at(rule, "labels", "severity")).isIn("warning", "critical");
            assertThat((Map<String, Object>) rule.get("annotations")).containsKeys("summary", "description");
            assertThat(String.valueOf(rule.get("for"))).matches("\\d+[smh]");
        }
        assertThat(rules.stream().map(r -> (String) r.get("alert")).distinct()).hasSameSizeAs(rules);
        assertThat(alertedMetrics()).contains("dyad_publisher_lag", "kafka_consumer_fetch_manager_records_lag_max",
                "dyad_views_dead_letters", "http_server_requests_seconds_count", "hikaricp_connections_pending");
    }
}
