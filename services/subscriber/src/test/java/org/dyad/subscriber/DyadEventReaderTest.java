package org.dyad.subscriber;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.contracts.wire.UnreadableEventException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DyadEventReaderTest {

    @Test
    void readsWhatThePublisherWrote() {
        SaleReported sale = Events.sale("deal-1");
        ConsumerRecord<String, byte[]> record = Events.record("deal-1",
                DyadCloudEvents.encode("e-1", "deal-1", 3, 42, Events.RECORDED_AT, sale));

        assertThat(record.headers().lastHeader("ce_type").value())
                .asString(StandardCharsets.UTF_8).isEqualTo("org.dyad.deal.SaleReported.v2");
        PublishedEvent event = DyadEventReader.read(record);

        assertThat(event.payload()).isEqualTo(sale);
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("org.dyad.deal.SaleReported.v2");
        assertThat(event.aggregateId()).isEqualTo("deal-1");
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.position()).isEqualTo(42);
        assertThat(event.time().toInstant()).isEqualTo(Events.RECORDED_AT);
        assertThat(event.time().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void bytesWithoutCloudEventHeadersAreUnreadable() {
        ConsumerRecord<String, byte[]> garbage = Events.record("junk", new byte[]{1, 2, 3}, new RecordHeaders());

        assertThatThrownBy(() -> DyadEventReader.read(garbage))
                .isInstanceOf(UnreadableEventException.class)
                .isNotInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("dyad.events-2@17 is not a CloudEvent");
    }

    @Test
    void aDyadTypeWithBrokenJsonIsUnreadable() {
        CloudEvent broken = CloudEventBuilder.v1().withId("x").withSource(DyadCloudEvents.SOURCE)
                .withType("org.dyad.deal.SaleReported.v2").withExtension(DyadCloudEvents.SEQUENCE, "0")
                .withExtension(DyadCloudEvents.POSITION, "1").withDataContentType("application/json")
                .withData("{\"dealId\":".getBytes(StandardCharsets.UTF_8)).build();

        assertThatThrownBy(() -> DyadEventReader.read(Events.record("deal-1", broken)))
                .isInstanceOf(UnreadableEventException.class)
                .isNotInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void aTypeTheContractsDoNotKnowIsReportedAsSuch() {
        CloudEvent later = CloudEventBuilder.v1().withId("x").withSource(DyadCloudEvents.SOURCE)
                .withType("org.dyad.deal.SaleReported.v3").withDataContentType("application/json")
                .withData("{}".getBytes(StandardCharsets.UTF_8)).build();

        assertThatThrownBy(() -> DyadEventReader.read(Events.record("deal-1", later)))
                .isInstanceOfSatisfying(UnknownEventTypeException.class,
                        e -> assertThat(e.type()).isEqualTo("org.dyad.deal.SaleReported.v3"));
    }

    @Test
    void headersWithoutAValueAreUnreadable() {
        ConsumerRecord<String, byte[]> withData = Events.record("deal-1",
                DyadCloudEvents.encode("e-1", "deal-1", 0, 1, Events.RECORDED_AT, Events.sale("deal-1")));
        ConsumerRecord<String, byte[]> tombstone = Events.record("deal-1", null, withData.headers());

        assertThatThrownBy(() -> DyadEventReader.read(tombstone)).isInstanceOf(UnreadableEventException.class);
    }
}
