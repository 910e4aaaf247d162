package org.dyad.contracts.wire;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.SaleReported;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DyadCloudEventsTest {

    static final Instant RECORDED_AT = Instant.parse("2026-01-02T03:04:05Z");
    static final SaleReported SALE = new SaleReported("deal-1", "RUS", "IRN",
            List.of(DealItem.of("S-300", "air defence missile system", null)), DealStage.REPORTED,
            PartialDate.parse("2001-03-12"), null,
            List.of(new Estimate(new BigDecimal("7000000000"), null, null, "USD", EstimateQualifier.COULD_REACH, null,
                    null, null)),
            new Provenance(new Source("Los Angeles Times", "Russia, Iran Reach Military, Economic Accords", null,
                    PartialDate.parse("2001-03-13"), "could reach $7 billion", "en"), AdmiraltyGrade.parse("B2"),
                    RECORDED_AT, "analyst"));

    @Test
    void anEventBecomesACloudEventWithAStableTypeAndTheAggregateAsSubject() {
        CloudEvent event = DyadCloudEvents.encode("e-1", "deal-1", 0, 42, RECORDED_AT, SALE);

        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getType()).isEqualTo("org.dyad.deal.SaleReported.v2");
        assertThat(event.getDataSchema()).hasToString("urn:dyad:schema:org.dyad.deal.SaleReported.v2");
        assertThat(event.getSource()).isEqualTo(DyadCloudEvents.SOURCE);
        assertThat(event.getSubject()).isEqualTo("deal-1");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension(DyadCloudEvents.SEQUENCE)).isEqualTo("0");
        assertThat(event.getExtension(DyadCloudEvents.POSITION)).isEqualTo("42");
        String json = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"reportedOn\":\"2001-03-12\"", "\"qualifier\":\"COULD_REACH\"", "\"grade\":\"B2\"")
                .doesNotContain("org.dyad");
    }

    @Test
    void decodingGivesBackTheSameEventAndItsPlace() {
        PublishedEvent decoded = DyadCloudEvents.decode(
                DyadCloudEvents.encode("e-1", "deal-1", 3, 42, RECORDED_AT, SALE));

        assertThat(decoded.payload()).isEqualTo(SALE);
        assertThat(decoded.sequence()).isEqualTo(3);
        assertThat(decoded.position()).isEqualTo(42);
        assertThat(decoded.aggregateId()).isEqualTo("deal-1");
    }

    @Test
    void anUnknownTypeIsUnreadableRatherThanGuessed() {
        CloudEvent foreign = CloudEventBuilder.v1().withId("x").withSource(DyadCloudEvents.SOURCE)
                .withType("org.example.Unknown.v1").withData("{}".getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> DyadCloudEvents.decode(foreign))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("unknown event type");
    }

    @Test
    void brokenJsonIsUnreadable() {
        CloudEvent broken = CloudEventBuilder.v1().withId("x").withSource(DyadCloudEvents.SOURCE)
                .withType("org.dyad.deal.SaleReported.v1").withExtension(DyadCloudEvents.SEQUENCE, "0")
                .withExtension(DyadCloudEvents.POSITION, "1")
                .withData("{\"dealId\":".getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> DyadCloudEvents.decode(broken)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void everyPublishedEventHasAUniqueVersionedType() {
        assertThat(EventCatalog.types()).doesNotHaveDuplicates()
                .allMatch(t -> t.matches("org\\.dyad\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+"));
        EventCatalog.EVENTS.forEach(c ->
                assertThat(EventCatalog.classOf(EventCatalog.typeOf(c))).contains(c));
    }

    @Test
    void aVersionOneRecordPublishedBeforeTheChangeIsReadAsVersionTwo() {
        String v1 = """
                {"dealId": "deal-1", "supplier": "RUS", "recipient": "IRN",
                 "items": [{"designation": "S-300", "quantityUncertain": false}], "stage": "REPORTED",
                 "reportedOn": "2001-03-12",
                 "estimate": {"amount": 7000000000, "currency": "USD", "qualifier": "COULD_REACH", "basis": "CURRENT"},
                 "provenance": {"source": {"publisher": "Los Angeles Times", "title": "Accords",
                                           "publishedOn": "2001-03-13"},
                                "recordedAt": "2026-01-02T03:04:05Z", "recordedBy": "analyst"}}""";
        CloudEvent old = CloudEventBuilder.v1().withId("old-1").withSource(DyadCloudEvents.SOURCE)
                .withType("org.dyad.deal.SaleReported.v1").withSubject("deal-1")
                .withExtension(DyadCloudEvents.SEQUENCE, "0").withExtension(DyadCloudEvents.POSITION, "1")
                .withData(v1.getBytes(StandardCharsets.UTF_8)).build();

        SaleReported sale = (SaleReported) DyadCloudEvents.decode(old).payload();

        assertThat(sale.estimates()).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualByComparingTo("7000000000");
            assertThat(e.qualifier()).isEqualTo(EstimateQualifier.COULD_REACH);
        });
    }
}
