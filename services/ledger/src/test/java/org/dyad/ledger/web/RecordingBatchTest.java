package org.dyad.ledger.web;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingBatchTest {

    private final RecordingBatch batch = RecordingBatch.open();

    @AfterEach
    void close() {
        batch.close();
    }

    private static GenericDomainEventMessage<String> event(String record, long sequence, String causingCommand) {
        return new GenericDomainEventMessage<>("Deal", record, sequence, "payload",
                MetaData.with(RecordingBatch.CAUSING_COMMAND, causingCommand));
    }

    @Test
    void eachItemKeepsTheEventsItsOwnCommandCausedOnItsOwnRecord() {
        batch.calling(0);
        batch.recorded("command-a", "deal-1", "/api/v1/deals", 201, null);
        batch.calling(1);
        batch.recorded("command-b", "deal-1", "/api/v1/deals", 200, null);
        batch.calling(2);
        batch.recorded("command-c", "deal-2", "/api/v1/deals", 201, null);

        batch.storing(List.of(event("deal-1", 0, "command-a"), event("deal-1", 1, "command-b"),
                event("deal-1", 2, "command-b"), event("deal-2", 0, "command-c"),
                event("actor-9", 0, "command-c"), event("deal-3", 0, "another request's command")));

        List<RecordingBatch.Item> items = batch.items();
        assertThat(items).extracting(RecordingBatch.Item::index).containsExactly(0, 1, 2);
        assertThat(items.get(0).events()).extracting(e -> e.getSequenceNumber()).containsExactly(0L);
        assertThat(items.get(1).events()).extracting(e -> e.getSequenceNumber()).containsExactly(1L, 2L);
        assertThat(items.get(2).events()).extracting(e -> e.getAggregateIdentifier()).containsExactly("deal-2");
        assertThat(items.get(1).location()).isEqualTo("/api/v1/deals/deal-1");
        assertThat(items.get(0).creates()).isTrue();
        assertThat(items.get(1).creates()).isFalse();
    }

    @Test
    void aRecordCreatedEarlierInTheBatchCanBeCitedButNotCreatedAgain() {
        assertThat(batch.recorded("command-a", "unsc-1929", "/api/v1/embargoes", 201, null)).isTrue();

        assertThat(batch.created("unsc-1929", "/api/v1/embargoes")).isTrue();
        assertThat(batch.created("unsc-1929", "/api/v1/deals")).as("another kind of record").isFalse();
        assertThat(batch.created("unsc-1737", "/api/v1/embargoes")).isFalse();
        assertThat(batch.recorded("command-b", "unsc-1929", "/api/v1/embargoes", 201, null)).isFalse();
        assertThat(batch.items()).hasSize(1);
    }

    @Test
    void oneBatchAtATimeOnAThread() {
        assertThat(RecordingBatch.current()).isSameAs(batch);
        assertThatThrownBy(RecordingBatch::open).isInstanceOf(IllegalStateException.class);
        batch.close();
        assertThat(RecordingBatch.current()).isNull();
    }

    @Test
    void anItemAnswersAsItsEndpointDoes() {
        batch.recorded("command-a", "aa1", "/api/v1/actors", 201, receipt -> "actor " + receipt.id());
        batch.recorded("command-b", "deal-1", "/api/v1/deals", 201, null);
        RecordedResponse receipt = RecordedResponse.of("aa1", 0, 17);

        assertThat(batch.items().get(0).answer(receipt)).isEqualTo("actor aa1");
        assertThat(batch.items().get(1).answer(receipt)).isSameAs(receipt);
    }
}
