package org.dyad.app.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart {@code deploy/helm/dyad}, rendered by Helm itself (its library, embedded): it lints clean, and what
 * it renders runs both sides as separate Deployments with probes, requests and limits, as non-root on a read-only
 * root file system, with an autoscaler on the read side that never exceeds the topic's partitions, disruption
 * budgets that select the Deployments' pods, a ServiceMonitor and routes to both sides, and every credential and
 * Kafka security setting from Secrets and {@code spring.kafka.*}.
 */
@SuppressWarnings("unchecked")
class HelmChartTest {

    private static final Path CHART = Path.of("../../deploy/helm/dyad");

    private static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> values) {
        String manifests = values.apply(new Helm(CHART).template().withName("dyad").withNamespace("dyad")).call();
        List<Map<String, Object>> documents = new ArrayList<>();
        LoaderOptions strict = new LoaderOptions();
        strict.setAllowDuplicateKeys(false); // as Kubernetes reads manifests
        new Yaml(strict).loadAll(manifests).forEach(d -> {
            if (d != null) {
                documents.add((Map<String, Object>) d);
            }
        });
        return documents;
    }

    private static <T> T at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = current == null ? null : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> named(List<Map<String, Object>> documents, String kind, String name) {
        return ofKind(documents, kind).stream().filter(d -> name.equals(at(d, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return at(deployment, "spec", "template", "spec", "containers");
    }

    private static List<Map<String, Object>> env(Map<String, Object> container) {
        return at(container, "env");
    }

    private static Map<String, Object> envVar(Map<String, Object> container, String name) {
        return env(container).stream().filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + container.get("name")));
    }

    @Test
    void theChartLintsClean() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void bothSidesRunAsSeparateDeploymentsWithProbesResourcesAndARestrictiveSecurityContext() {
        List<Map<String, Object>> documents = render(t -> t);
        List<Map<String, Object>> deployments = ofKind(documents, "Deployment");
        assertThat(deployments).extracting(d -> at(d, "metadata", "name")).containsExactlyInAnyOrder("dyad-ledger",
                "dyad-views");
        assertThat(envVar(containers(named(documents, "Deployment", "dyad-ledger")).get(0), "DYAD_VIEWS_ENABLED"))
                .containsEntry("value", "false");
        assertThat(envVar(containers(named(documents, "Deployment", "dyad-views")).get(0), "DYAD_LEDGER_ENABLED"))
                .containsEntry("value", "false");
        for (Map<String, Object> deployment : deployments) {
            String name = at(deployment, "metadata", "name");
            Map<String, Object> pod = at(deployment, "spec", "template", "spec");
            assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).as(name).isTrue();
            assertThat((Integer) at(pod, "securityContext", "runAsUser")).as(name).isPositive();
            assertThat((Boolean) pod.get("automountServiceAccountToken")).as(name).isFalse();
            List<Map<String, Object>> volumes = at(pod, "volumes");
            for (Map<String, Object> container : containers(deployment)) {
                String where = name + "/" + container.get("name");
                assertThat((String) at(container, "readinessProbe", "httpGet", "path")).as(where)
                        .isEqualTo("/actuator/health/readiness");
                assertThat((String) at(container, "livenessProbe", "httpGet", "path")).as(where)
                        .isEqualTo("/actuator/health/liveness");
                assertThat((Object) at(container, "startupProbe", "httpGet")).as(where).isNotNull();
                assertThat((Map<String, Object>) at(container, "resources", "requests")).as(where)
                        .containsKeys("cpu", "memory");
                assertThat((Map<String, Object>) at(container, "resources", "limits")).as(where)
                        .containsKeys("cpu", "memory");
                Map<String, Object> security = at(container, "securityContext");
                assertThat(security).as(where).containsEntry("runAsNonRoot", true)
                        .containsEntry("readOnlyRootFilesystem", true)
                        .containsEntry("allowPrivilegeEscalation", false)
                        .containsEntry("privileged", false);
                assertThat((Integer) security.get("runAsUser")).as(where).isPositive();
                assertThat((List<String>) at(security, "capabilities", "drop")).as(where).containsExactly("ALL");
                // the one writable place: /tmp on an emptyDir (Tomcat's and the JVM's temporary files, uploads)
                List<Map<String, Object>> mounts = at(container, "volumeMounts");
                String tmp = mounts.stream().filter(m -> "/tmp".equals(m.get("mountPath")))
                        .map(m -> (String) m.get("name")).findFirst().orElseThrow(() -> new AssertionError(where));
                assertThat(volumes).as(where).anySatisfy(v -> {
                    assertThat(v.get("name")).isEqualTo(tmp);
                    assertThat(v).containsKey("emptyDir");
                });
            }
        }
    }

    @Test
    void theReadSideScalesUpToThePartitionCountAndNoFurther() {
        Map<String, Object> capped = named(render(t -> t.set("kafka.partitions", 4)
                .set("views.autoscaling.maxReplicas", 12)), "HorizontalPodAutoscaler", "dyad-views");
        assertThat((String) at(capped, "spec", "scaleTargetRef", "name")).isEqualTo("dyad-views");
        assertThat((Integer) at(capped, "spec", "maxReplicas")).isEqualTo(4);
        assertThat((Integer) at(capped, "spec", "minReplicas")).isLessThanOrEqualTo(4);

        List<Map<String, Object>> defaults = render(t -> t);
        int partitions = Integer.parseInt(at(named(defaults, "ConfigMap", "dyad"), "data", "DYAD_KAFKA_PARTITIONS"));
        assertThat((Integer) at(named(defaults, "HorizontalPodAutoscaler", "dyad-views"), "spec", "maxReplicas"))
                .isLessThanOrEqualTo(partitions);
        assertThat((Object) at(named(defaults, "Deployment", "dyad-views"), "spec", "replicas"))
                .as("the autoscaler owns the read side's replicas").isNull();
    }

    @Test
    void disruptionBudgetsServicesAndTheServiceMonitorSelectTheDeploymentsPods() {
        List<Map<String, Object>> documents = render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.serviceMonitor.basicAuthSecret", "scrape"));
        List<Map<String, Object>> budgets = ofKind(documents, "PodDisruptionBudget");
        List<Map<String, Object>> services = ofKind(documents, "Service");
        for (Map<String, Object> deployment : ofKind(documents, "Deployment")) {
            Map<String, Object> podLabels = at(deployment, "spec", "template", "metadata", "labels");
            String name = at(deployment, "metadata", "name");
            assertThat(budgets).as("a budget for %s", name).filteredOn(b -> selects(at(b, "spec", "selector",
                    "matchLabels"), podLabels)).singleElement().satisfies(b -> assertThat((Object) at(b, "spec",
                    "minAvailable")).isNotNull());
            assertThat(services).as("a Service for %s", name).filteredOn(s -> selects(at(s, "spec", "selector"),
                    podLabels)).singleElement();
            Map<String, Object> selector = at(deployment, "spec", "selector", "matchLabels");
            assertThat(selects(selector, podLabels)).as(name).isTrue();
        }
        assertThat(budgets).hasSize(2);
        Map<String, Object> monitor = ofKind(documents, "ServiceMonitor").get(0);
        for (Map<String, Object> service : services) {
            assertThat(selects(at(monitor, "spec", "selector", "matchLabels"), at(service, "metadata", "labels")))
                    .as("the ServiceMonitor selects %s", (Object) at(service, "metadata", "name")).isTrue();
        }
        Map<String, Object> endpoint = ((List<Map<String, Object>>) at(monitor, "spec", "endpoints")).get(0);
        assertThat(endpoint).containsEntry("path", "/actuator/prometheus").containsEntry("port", "http");
        assertThat((String) at(endpoint, "basicAuth", "password", "name")).isEqualTo("scrape");
    }

    @Test
    void credentialsComeFromSecretsAndKafkaSecurityFromSpringKafkaSettings() {
        List<Map<String, Object>> documents = render(t -> t
                .set("kafka.bootstrapServers", "kafka-1:9093")
                .set("kafka.securityProtocol", "SASL_SSL")
                .set("kafka.saslMechanism", "SCRAM-SHA-512")
                .set("kafka.truststore.enabled", true)
                .set("kafka.properties.client\\.dns\\.lookup", "use_all_dns_ips"));
        Map<String, Object> config = at(named(documents, "ConfigMap", "dyad"), "data");
        assertThat(config).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093")
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("SPRING_KAFKA_PROPERTIES_CLIENT_DNS_LOOKUP", "use_all_dns_ips")
                .containsEntry("SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "file:/etc/dyad/kafka-truststore/ca.p12")
                .containsEntry("DYAD_EMBEDDED", "false");
        for (Map<String, Object> deployment : ofKind(documents, "Deployment")) {
            Map<String, Object> container = containers(deployment).get(0);
            for (String secret : List.of("DYAD_DB_USER", "DYAD_DB_PASSWORD", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                    "SPRING_KAFKA_SSL_TRUSTSTOREPASSWORD", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")) {
                assertThat((Object) at(envVar(container, secret), "valueFrom", "secretKeyRef", "key"))
                        .as("%s from a Secret", secret).isNotNull();
            }
            assertThat(env(container)).as("no credential is written into the manifests")
                    .allSatisfy(e -> assertThat(e.get("name").toString().matches(".*(PASSWORD|JAAS).*")
                            && e.containsKey("value")).isFalse());
            assertThat((List<Map<String, Object>>) at(container, "volumeMounts"))
                    .anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/etc/dyad/kafka-truststore")
                            .containsEntry("readOnly", true));
        }
        assertThat(ofKind(documents, "Secret")).as("the chart reads Secrets, it does not hold them").isEmpty();

        Map<String, Object> local = containers(named(render(t -> t.set("security.mode", "local")), "Deployment",
                "dyad-views")).get(0);
        for (String role : List.of("VIEWER", "ANALYST", "ADMIN")) {
            assertThat((Object) at(envVar(local, "DYAD_" + role + "_PASSWORD"), "valueFrom", "secretKeyRef"))
                    .isNotNull();
        }
    }

    @Test
    void logFormatAndTracingAreSetForBothSidesOnlyWhenGiven() {
        List<Map<String, Object>> documents = render(t -> t.set("logging.format", "ecs")
                .set("tracing.otlpEndpoint", "http://otel-collector:4318/v1/traces")
                .set("tracing.samplingProbability", "0.25"));
        Map<String, Object> config = at(named(documents, "ConfigMap", "dyad"), "data");
        assertThat(config).containsEntry("DYAD_LOG_FORMAT", "ecs")
                .containsEntry("MANAGEMENT_OTLP_TRACING_ENDPOINT", "http://otel-collector:4318/v1/traces")
                .containsEntry("DYAD_TRACING_SAMPLING_PROBABILITY", "0.25");
        for (Map<String, Object> deployment : ofKind(documents, "Deployment")) {
            assertThat((List<Map<String, Object>>) at(containers(deployment).get(0), "envFrom"))
                    .as("%s reads the settings", (Object) at(deployment, "metadata", "name"))
                    .anySatisfy(from -> assertThat((Object) at(from, "configMapRef", "name")).isEqualTo("dyad"));
        }
        assertThat((Map<String, Object>) at(named(render(t -> t.set("logging.format", "logstash")), "ConfigMap",
                "dyad"), "data")).containsEntry("DYAD_LOG_FORMAT", "logstash");

        Map<String, Object> defaults = at(named(render(t -> t), "ConfigMap", "dyad"), "data");
        assertThat(defaults).as("plain logs, Dyad's default sampling and no exporter unless asked for")
                .doesNotContainKeys("DYAD_LOG_FORMAT", "MANAGEMENT_OTLP_TRACING_ENDPOINT",
                        "DYAD_TRACING_SAMPLING_PROBABILITY");
        assertThatThrownBy(() -> render(t -> t.set("logging.format", "json")))
                .hasMessageContaining("logging.format must be ecs, logstash or empty");
    }

    @Test
    void theRoutesSendReadsToTheViewsAndCommandsToTheLedger() {
        List<Map<String, Object>> documents = render(t -> t.set("ingress.enabled", true)
                .set("ingress.host", "dyad.example.org").set("ingress.writeHost", "write.dyad.example.org")
                .set("ingress.tlsSecret", "dyad-tls")
                .set("httpRoute.enabled", true).set("httpRoute.parentRefs[0].name", "public"));
        List<String> services = ofKind(documents, "Service").stream()
                .map(s -> (String) at(s, "metadata", "name")).toList();
        Map<String, Object> ingress = ofKind(documents, "Ingress").get(0);
        Map<String, String> backendByHost = new java.util.HashMap<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) at(ingress, "spec", "rules")) {
            Map<String, Object> path = ((List<Map<String, Object>>) at(rule, "http", "paths")).get(0);
            backendByHost.put((String) rule.get("host"), at(path, "backend", "service", "name"));
        }
        assertThat(backendByHost).containsEntry("dyad.example.org", "dyad-views")
                .containsEntry("write.dyad.example.org", "dyad-ledger");
        assertThat(services).containsAll(backendByHost.values());

        Map<String, Object> route = ofKind(documents, "HTTPRoute").get(0);
        List<Map<String, Object>> rules = at(route, "spec", "rules");
        assertThat(rules).hasSize(2);
        assertThat((List<Map<String, Object>>) rules.get(0).get("matches")).extracting(m -> m.get("method"))
                .containsExactly("GET", "HEAD");
        assertThat(((List<Map<String, Object>>) rules.get(0).get("backendRefs")).get(0)).containsEntry("name",
                "dyad-views");
        assertThat((List<Map<String, Object>>) rules.get(1).get("matches")).allSatisfy(m ->
                assertThat(m).doesNotContainKey("method"));
        assertThat(((List<Map<String, Object>>) rules.get(1).get("backendRefs")).get(0)).containsEntry("name",
                "dyad-ledger");
        assertThat(Objects.requireNonNull(ofKind(render(t -> t), "Ingress"))).as("off unless asked for").isEmpty();
    }
}
