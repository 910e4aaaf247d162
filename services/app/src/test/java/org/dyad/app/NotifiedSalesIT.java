package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sale notified to the US Congress over HTTP, end to end: DSCA transmittal 20-23 (F-35 follow-on support for the
 * Republic of Korea, 2020-04-10, an estimated total cost of $675 million) is recorded, listed among pending deals
 * filtered by NOTIFIED with its age, published on the topic, and leaves NOTIFIED once contracted.
 */
class NotifiedSalesIT extends DyadIntegrationTest {

    private static final String NOTIFICATION = """
            {"id": "%s", "supplier": "USA", "recipient": "KOR",
             "items": [{"designation": "F-35 follow-on support",
                        "description": "spare parts, support equipment, software, training and logistics support"}],
             "notifiedOn": "2020-04-10",
             "notification": {%s"notifiedTo": "US Congress"},
             "estimate": {"amount": 675000000, "currency": "USD", "qualifier": "ESTIMATED_TOTAL_COST",
                          "scope": "estimated total program cost"},
             "source": {"publisher": "Defense Security Cooperation Agency",
                        "title": "Republic of Korea – F-35 Follow-On Support", "publishedOn": "2020-04-10",
                        "quote": "The estimated total cost is $675 million."},
             "grade": "A1"}""";

    private static JsonNode inPage(JsonNode page, String dealId) {
        for (JsonNode deal : page.path("items")) {
            if (deal.path("dealId").asText().equals(dealId)) {
                return deal;
            }
        }
        return null;
    }

    @Test
    void aNotifiedSaleIsPendingWithItsAgeUntilItIsContracted() {
        String deal = uniqueId("usa-kor-f-35-support");
        ResponseEntity<JsonNode> created = post("/api/v1/deals/notifications",
                NOTIFICATION.formatted(deal, "\"number\": \"20-23\", "));
        String notified = ok(created);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/deals/" + deal);

        JsonNode pending = getConsistent("/api/v1/deals?status=NOTIFIED&supplier=USA&recipient=KOR&size=500",
                notified).getBody();
        JsonNode listed = inPage(pending, deal);
        assertThat(listed).as("the notified sale among the pending deals filtered by NOTIFIED").isNotNull();
        assertThat(listed.path("stage").asText()).isEqualTo("NOTIFIED");
        assertThat(listed.path("notification").path("number").asText()).isEqualTo("20-23");
        assertThat(listed.path("notifiedOn").asText()).isEqualTo("2020-04-10");
        assertThat(listed.path("notificationAge").path("days").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.parse("2020-04-10"), LocalDate.now()));
        assertThat(listed.path("latestEstimates").get(0).path("estimate").path("qualifier").asText())
                .isEqualTo("ESTIMATED_TOTAL_COST");
        assertThat(inPage(getConsistent("/api/v1/deals?status=PENDING&supplier=USA&recipient=KOR&size=500",
                notified).getBody(), deal)).as("a notified sale is pending").isNotNull();

        List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> TopicRecords.readAll(bootstrapServers, topic)
                        .stream().filter(r -> deal.equals(r.key())).toList(), records -> !records.isEmpty());
        assertThat(TopicRecords.header(published.get(0), "ce_type")).isEqualTo("org.dyad.deal.SaleNotified.v1");

        String contracted = ok(post("/api/v1/deals/" + deal + "/contract", """
                {"on": "2020-09-01", "source": {"publisher": "Defense Security Cooperation Agency",
                 "title": "Letter of Offer and Acceptance", "publishedOn": "2020-09-01"}, "grade": "B2"}"""));
        assertThat(inPage(getConsistent("/api/v1/deals?status=NOTIFIED&supplier=USA&recipient=KOR&size=500",
                contracted).getBody(), deal)).as("contracted: no longer NOTIFIED").isNull();
        JsonNode now = getConsistent("/api/v1/deals/" + deal, contracted).getBody();
        assertThat(now.path("stage").asText()).isEqualTo("CONTRACTED");
        assertThat(now.path("notification").path("number").asText()).isEqualTo("20-23");
        assertThat(now.has("notificationAge")).isFalse();
    }

    @Test
    void aRetriedNotificationIsRecordedOnceAndOnlyAnalystsRecordOne() {
        String body = NOTIFICATION.formatted(uniqueId("usa-kor-retried"), "\"number\": \"20-23\", ");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", uniqueId("notification"));
        long before = storeHead();
        ResponseEntity<JsonNode> first = http.postForEntity("/api/v1/deals/notifications",
                new HttpEntity<>(body, headers), JsonNode.class);
        ResponseEntity<JsonNode> retry = http.postForEntity("/api/v1/deals/notifications",
                new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(storeHead()).as("one SaleNotified stored").isEqualTo(before + 1);

        headers.remove("Idempotency-Key");
        ResponseEntity<JsonNode> byViewer = as("viewer", "viewer-local").postForEntity(
                "/api/v1/deals/notifications", new HttpEntity<>(NOTIFICATION.formatted(uniqueId("usa-kor-viewer"),
                        "\"number\": \"20-23\", "), headers), JsonNode.class);
        assertThat(byViewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(storeHead()).isEqualTo(before + 1);
    }

    @Test
    void aNotificationWithoutANumberIsRefusedAndWritesNothing() {
        String deal = uniqueId("usa-kor-unnumbered");
        long before = storeHead();
        ResponseEntity<JsonNode> refused = post("/api/v1/deals/notifications", NOTIFICATION.formatted(deal, ""));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("notification.number");
        assertThat(storeHead()).isEqualTo(before);
        assertThat(get("/api/v1/deals/" + deal).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
