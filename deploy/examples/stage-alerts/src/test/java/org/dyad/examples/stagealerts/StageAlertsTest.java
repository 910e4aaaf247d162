package org.dyad.examples.stagealerts;

import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealStatus;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.examples.stagealerts.StageAlerts.Alert;
import org.dyad.examples.stagealerts.StageAlerts.Standing;
import org.dyad.subscriber.DyadEventDispatcher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.dyad.contracts.deal.DealStage.CONTRACTED;
import static org.dyad.contracts.deal.DealStage.DELIVERED;
import static org.dyad.contracts.deal.DealStage.DELIVERING;
import static org.dyad.contracts.deal.DealStage.NEGOTIATING;
import static org.dyad.contracts.deal.DealStage.REPORTED;

class StageAlertsTest {

    final List<Alert> alerts = new ArrayList<>();
    final DyadEventDispatcher dispatcher = new StageAlerts("s-300", alerts::add).registerOn(new DyadEventDispatcher());

    void publish(Object... payloads) {
        for (Object payload : payloads) {
            PublishedEvent event = DyadCloudEvents.decode(DyadCloudEvents.encode(UUID.randomUUID().toString(),
                    "ignored", 0, 0, Instant.EPOCH, payload));
            dispatcher.dispatch(event);
        }
    }

    static Standing active(DealStage stage) {
        return new Standing(stage, DealStatus.ACTIVE);
    }

    @Test
    void aWatchedDealIsFollowedThroughItsStages() {
        publish(Deals.reported("d", REPORTED, "Tor-M1", "S-300PMU1"),
                Deals.negotiating("d", "2001-06"),
                Deals.contracted("d", "2007-12"),
                Deals.delivered("d", "2016-04", "S-300PMU1"),
                Deals.delivered("d", "2016-10", "S-300PMU1"),
                Deals.completed("d", "2016-11"));

        assertThat(alerts).containsExactly(
                new Alert("d", "S-300PMU1", active(REPORTED), active(NEGOTIATING), PartialDate.parse("2001-06"),
                        Deals.PUBLISHER),
                new Alert("d", "S-300PMU1", active(NEGOTIATING), active(CONTRACTED), PartialDate.parse("2007-12"),
                        Deals.PUBLISHER),
                new Alert("d", "S-300PMU1", active(CONTRACTED), active(DELIVERING), PartialDate.parse("2016-04"),
                        Deals.PUBLISHER),
                new Alert("d", "S-300PMU1", active(DELIVERING), active(DELIVERED), PartialDate.parse("2016-11"),
                        Deals.PUBLISHER));
        assertThat(alerts.get(0).describe())
                .isEqualTo("S-300PMU1 deal d: REPORTED -> NEGOTIATING on 2001-06 (Test Gazette)");
    }

    @Test
    void suspensionCancellationAndRevivalAreChangesToo() {
        publish(Deals.reported("d", CONTRACTED, "S-300"),
                Deals.suspended("d", "2010-06"),
                Deals.resumed("d", "2010-08"),
                Deals.cancelled("d", "2010-09"),
                Deals.revived("d", "2015-04", NEGOTIATING));

        assertThat(alerts).extracting(a -> a.from() + " -> " + a.to()).containsExactly(
                "CONTRACTED -> CONTRACTED (SUSPENDED)",
                "CONTRACTED (SUSPENDED) -> CONTRACTED",
                "CONTRACTED -> CONTRACTED (CANCELLED)",
                "CONTRACTED (CANCELLED) -> NEGOTIATING");
    }

    @Test
    void aNotifiedSaleIsFollowedFromNotifiedToContracted() {
        publish(Deals.notified("n", "S-300 spare parts"), Deals.contracted("n", "2020-09"));

        assertThat(alerts).extracting(a -> a.from() + " -> " + a.to()).containsExactly("NOTIFIED -> CONTRACTED");
    }

    @Test
    void otherDesignationsAreNotWatched() {
        publish(Deals.reported("d", REPORTED, "Su-30MKI"), Deals.contracted("d", "2000-11"));

        assertThat(alerts).isEmpty();
    }

    @Test
    void aContractNamingTheWatchedItemMakesTheDealWatched() {
        publish(Deals.reported("d", REPORTED, "SAM systems"),
                Deals.contracted("d", "2007-12", "S-300PMU1"),
                Deals.completed("d", "2016-11"));

        assertThat(alerts).extracting(Alert::designation, Alert::to)
                .containsExactly(tuple("S-300PMU1", active(CONTRACTED)),
                        tuple("S-300PMU1", active(DELIVERED)));
    }

    @Test
    void aContractReplacingTheWatchedItemIsStillReportedThenNoLonger() {
        publish(Deals.reported("d", REPORTED, "S-300PMU2"),
                Deals.contracted("d", "2010", "S-400"),
                Deals.completed("d", "2012"));

        assertThat(alerts).extracting(Alert::designation).containsExactly("S-300PMU2");
    }

    @Test
    void eventsOfADealNeverSeenReportedAreIgnored() {
        publish(Deals.negotiating("unknown", "2001"), Deals.contracted("unknown", "2002", "S-300"));

        assertThat(alerts).isEmpty();
    }

    @Test
    void aDesignationIsRequired() {
        assertThatThrownBy(() -> new StageAlerts(" ", a -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreReadInBothForms() {
        assertThat(StageAlertsApp.parse(new String[]{"--designation", "S-300", "--group=g"}))
                .containsEntry("designation", "S-300").containsEntry("group", "g");
        assertThatThrownBy(() -> StageAlertsApp.parse(new String[]{"--colour", "red"}))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> StageAlertsApp.parse(new String[]{"--group"}))
                .hasMessageContaining("needs a value");
    }
}
