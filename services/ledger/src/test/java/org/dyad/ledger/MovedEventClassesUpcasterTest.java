package org.dyad.ledger;

import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.contracts.wire.EventCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovedEventClassesUpcasterTest {

    @Test
    void everyPublishedEventIsFoundUnderTheNameTheStoreKeptItBy() {
        assertThat(MovedEventClassesUpcaster.CURRENT_BY_FORMER)
                .hasSize(EventCatalog.EVENTS.size())
                .containsEntry("org.dyad.contracts.deal.SaleReported", SaleReported.class.getName())
                .containsEntry("org.dyad.contracts.agreement.WithdrawalNotified", WithdrawalNotified.class.getName())
                .containsEntry("org.dyad.contracts.statement.StatementRecorded", StatementRecorded.class.getName())
                .containsEntry("org.dyad.contracts.record.RecordCorrected", RecordCorrected.class.getName());
    }

    @Test
    void onlyTheFirstVersionOfAnEventIsStoredWithoutRevision() {
        EventVersionRevisions revisions = new EventVersionRevisions();
        assertThat(revisions.revisionOf(SaleReported.class)).isEqualTo("2");
        assertThat(revisions.revisionOf(WithdrawalNotified.class)).isNull();
        assertThat(revisions.revisionOf(String.class)).isNull();
    }
}
