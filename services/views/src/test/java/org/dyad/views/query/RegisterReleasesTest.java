package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.RegisterEntryDropped;
import org.dyad.contracts.deal.event.RegisterEntryRecorded;
import org.dyad.contracts.deal.event.RegisterEntryRestated;
import org.dyad.contracts.deal.event.RegisterEntryRevised;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.RegisterEvents.from;
import static org.dyad.views.testing.RegisterEvents.imported;
import static org.dyad.views.testing.RegisterEvents.recorded;

/**
 * Two releases of SIPRI's trade register as their imports record them (a deal revised, with its description corrected;
 * one dropped; one restated; two added), read back: each deal's register entry now and as of the first release, the
 * releases, the changes between them, and the same tables after a redelivery and after a rebuild.
 */
class RegisterReleasesTest extends ViewsTest {

    static final String FIRST = "2024-03-11";
    static final String SECOND = "2025-03-13";
    static final String FIRST_ID = "sipri-" + FIRST;
    static final String SECOND_ID = "sipri-" + SECOND;

    static final RegisterRow APC_2024 = row("India", "Russia", "BTR-80", "APC", "30", "2021; 2022", "48");
    static final RegisterRow APC_2025 = row("India", "Russia", "BTR-80", "armoured personnel carrier", "40",
            "2021; 2022; 2023", "48");
    static final RegisterRow SAM = row("India", "Russia", "S-300PMU1", "SAM system", "4", "2003", "72");
    static final RegisterRow RAFALE = row("India", "France", "Rafale", "FGA aircraft", "36", "2019; 2020", "2700");
    static final RegisterRow JF17 = row("Pakistan", "China", "JF-17", "FGA aircraft", "10", "2024", "200");
    static final RegisterRow HQ9 = row("Pakistan", "China", "HQ-9", "SAM system", "1", "2024", "50");

    private final List<PublishedEvent> published = new ArrayList<>();

    static RegisterRow row(String recipient, String supplier, String designation, String description,
                           String delivered, String years, String tivOrder) {
        return new RegisterRow(recipient, supplier, "2020", null, delivered, null, designation, description, delivered,
                null, years, "New", " comment, as written ", "1.6", tivOrder, tivOrder);
    }

    static SaleReported sale(String dealId, String supplier, String recipient, RegisterRow row, String recordedAt) {
        return new SaleReported(dealId, supplier, recipient, List.of(DealItem.of(row.weaponDesignation(),
                row.weaponDescription(), Integer.valueOf(row.numberOrdered()))), DealStage.REPORTED,
                EventFeed.date(row.yearOfOrder()), null, List.of(), from(FIRST, recordedAt));
    }

    @BeforeEach
    void twoReleases() {
        String t1 = "2024-04-01T10:00:00Z";
        List<PublishedEvent> first = feed.publish(recorded(FIRST, t1),
                sale("d1", "RUS", "IND", APC_2024, t1),
                new RegisterEntryRecorded("d1", FIRST_ID, EventFeed.date(FIRST), 13, APC_2024, from(FIRST, t1)),
                sale("d2", "RUS", "IND", SAM, t1),
                new RegisterEntryRecorded("d2", FIRST_ID, EventFeed.date(FIRST), 14, SAM, from(FIRST, t1)),
                sale("d4", "FRA", "IND", RAFALE, t1),
                new RegisterEntryRecorded("d4", FIRST_ID, EventFeed.date(FIRST), 15, RAFALE, from(FIRST, t1)),
                imported(FIRST, "job-1", 3, "2024-04-01T11:00:00Z"));
        published.addAll(first);
        String t2 = "2025-04-01T10:00:00Z";
        published.addAll(feed.publish(recorded(SECOND, t2),
                new RegisterEntryRevised("d1", SECOND_ID, EventFeed.date(SECOND), 20, APC_2025,
                        APC_2025.changesSince(APC_2024), from(SECOND, t2)),
                new RecordCorrected("d1", first.get(1).id(), "SaleReported", Map.of("items", List.of(Map.of(
                        "designation", "BTR-80", "description", "armoured personnel carrier", "quantity", 40))),
                        "revised by release " + SECOND_ID, from(SECOND, t2)),
                new RegisterEntryDropped("d2", SECOND_ID, EventFeed.date(SECOND), from(SECOND, t2)),
                new RegisterEntryRestated("d4", SECOND_ID, EventFeed.date(SECOND), 22, RAFALE, from(SECOND, t2)),
                sale("d5", "CHN", "PAK", HQ9, t2),
                new RegisterEntryRecorded("d5", SECOND_ID, EventFeed.date(SECOND), 25, HQ9, from(SECOND, t2)),
                sale("d3", "CHN", "PAK", JF17, t2),
                new RegisterEntryRecorded("d3", SECOND_ID, EventFeed.date(SECOND), 24, JF17, from(SECOND, t2)),
                imported(SECOND, "job-2", 4, "2025-04-01T11:00:00Z")));
    }

    private JsonNode deal(String dealId, Instant knownAt) {
        return readers.deals.fetch(new FetchDeal(dealId, null, knownAt)).map(EventFeed::asSent).orElseThrow();
    }

    private Instant knownFrom(String release) {
        return readers.releases.find(release).orElseThrow().knownFrom();
    }

    @Test
    void aRevisedDealAnswersTheNewReleaseAndAsOfTheFirstReleaseTheOld() {
        JsonNode now = deal("d1", null);
        assertThat(now.path("items").get(0).path("description").asText())
                .as("the correction the release brought").isEqualTo("armoured personnel carrier");
        JsonNode register = now.path("register");
        assertThat(register.path("releaseId").asText()).isEqualTo(SECOND_ID);
        assertThat(register.path("line").asInt()).isEqualTo(20);
        assertThat(register.path("listed").asBoolean()).isTrue();
        assertThat(register.path("row").path("weaponDescription").asText()).isEqualTo("armoured personnel carrier");
        assertThat(register.path("row").path("comments").asText()).isEqualTo(" comment, as written ");
        assertThat(register.path("revisions")).hasSize(1);
        assertThat(register.path("revisions").get(0).path("releaseId").asText()).isEqualTo(SECOND_ID);
        assertThat(register.path("revisions").get(0).path("changes")).extracting(c -> c.path("field").asText())
                .containsExactly("numberOrdered", "weaponDescription", "numberDelivered", "yearsOfDelivery");

        JsonNode then = deal("d1", knownFrom(FIRST));
        assertThat(then.path("items").get(0).path("description").asText()).isEqualTo("APC");
        assertThat(then.path("register").path("releaseId").asText()).isEqualTo(FIRST_ID);
        assertThat(then.path("register").path("row").path("weaponDescription").asText()).isEqualTo("APC");
        assertThat(then.path("register").path("revisions")).isEmpty();
        assertThat(deal("d1", knownFrom(FIRST).minusSeconds(1800)).path("register").path("releaseId").asText())
                .as("before the first release's import: its entry as recorded so far").isEqualTo(FIRST_ID);
    }

    @Test
    void aDroppedDealStaysWithTheReleaseThatDroppedIt() {
        JsonNode now = deal("d2", null);
        assertThat(now.path("register").path("listed").asBoolean()).isFalse();
        assertThat(now.path("register").path("droppedIn").asText()).isEqualTo(SECOND_ID);
        assertThat(now.path("register").path("releaseId").asText()).as("the release that listed it last")
                .isEqualTo(FIRST_ID);
        JsonNode then = deal("d2", knownFrom(FIRST));
        assertThat(then.path("register").path("listed").asBoolean()).isTrue();
        assertThat(then.path("register").has("droppedIn")).isFalse();
        JsonNode list = EventFeed.asSent(readers.deals.fetch(new FetchDeals("ALL", null, null, null, null, null, null,
                null, "reportedOn", true, 0, 50, null, null)));
        assertThat(list.path("items")).filteredOn(d -> d.path("dealId").asText().equals("d2")).singleElement()
                .satisfies(d -> assertThat(d.path("register").path("droppedIn").asText())
                        .as("lists carry the entry too").isEqualTo(SECOND_ID));
    }

    @Test
    void releasesAreListedNewestFirstWithTheirImportsAndRows() {
        JsonNode releases = EventFeed.asSent(readers.releases.list()).path("releases");

        assertThat(releases).extracting(r -> r.path("releaseId").asText()).containsExactly(SECOND_ID, FIRST_ID);
        JsonNode second = releases.get(0);
        assertThat(second.path("releasedOn").asText()).isEqualTo(SECOND);
        assertThat(second.path("register").asText()).isEqualTo("SIPRI Arms Transfers Database: trade register");
        assertThat(second.path("knownFrom").asText()).isEqualTo("2025-04-01T11:00:00Z");
        assertThat(second.path("rows").asInt()).as("d1, d3, d4, d5").isEqualTo(4);
        assertThat(second.path("imports")).hasSize(1);
        assertThat(second.path("imports").get(0).path("jobId").asText()).isEqualTo("job-2");
        assertThat(second.path("imports").get(0).path("counts").path("rows").asInt()).isEqualTo(4);
        assertThat(second.path("imports").get(0).path("recordedAt").asText()).isEqualTo("2025-04-01T11:00:00Z");
        assertThat(releases.get(1).path("rows").asInt()).as("d1, d2, d4").isEqualTo(3);
        assertThat(readers.releases.find(FIRST).orElseThrow().releaseId()).as("found by date").isEqualTo(FIRST_ID);
        assertThat(readers.releases.find("sipri-2023-03-13")).isEmpty();
    }

    @Test
    void theChangesBetweenTwoReleasesListAddedDroppedAndChangedDealsCellByCell() {
        JsonNode changes = EventFeed.asSent(readers.releases.changes(readers.releases.find(FIRST).orElseThrow(),
                readers.releases.find(SECOND).orElseThrow(), null, null, 0, 50));

        assertThat(changes.path("from").path("releaseId").asText()).isEqualTo(FIRST_ID);
        assertThat(changes.path("to").path("releaseId").asText()).isEqualTo(SECOND_ID);
        assertThat(changes.path("counts").path("added").asInt()).isEqualTo(2);
        assertThat(changes.path("counts").path("dropped").asInt()).isEqualTo(1);
        assertThat(changes.path("counts").path("changed").asInt()).isEqualTo(1);
        assertThat(changes.path("counts").path("unchanged").asInt()).isEqualTo(1);
        assertThat(changes.path("added")).extracting(e -> e.path("dealId").asText())
                .as("in the later release's line order").containsExactly("d3", "d5");
        assertThat(changes.path("added").get(0).path("line").asInt()).isEqualTo(24);
        assertThat(changes.path("added").get(0).path("supplier").asText()).isEqualTo("CHN");
        assertThat(changes.path("added").get(0).path("row").path("weaponDesignation").asText()).isEqualTo("JF-17");
        JsonNode dropped = changes.path("dropped").get(0);
        assertThat(dropped.path("dealId").asText()).isEqualTo("d2");
        assertThat(dropped.path("line").asInt()).as("its line in the earlier release").isEqualTo(14);
        assertThat(dropped.path("row").path("weaponDesignation").asText()).isEqualTo("S-300PMU1");
        JsonNode changed = changes.path("changed").get(0);
        assertThat(changed.path("dealId").asText()).isEqualTo("d1");
        assertThat(changed.path("changes")).filteredOn(c -> c.path("field").asText().equals("weaponDescription"))
                .singleElement().satisfies(c -> {
                    assertThat(c.path("column").asText()).isEqualTo("Weapon description");
                    assertThat(c.path("before").asText()).isEqualTo("APC");
                    assertThat(c.path("after").asText()).isEqualTo("armoured personnel carrier");
                });
    }

    @Test
    void theChangesAreFilteredByDyadAndPagedListByList() {
        RegisterReleases.Release first = readers.releases.find(FIRST_ID).orElseThrow();
        RegisterReleases.Release second = readers.releases.find(SECOND_ID).orElseThrow();

        JsonNode china = EventFeed.asSent(readers.releases.changes(first, second, "CHN", "PAK", 0, 50));
        assertThat(china.path("counts").path("added").asInt()).isEqualTo(2);
        assertThat(china.path("counts").path("dropped").asInt()).isZero();
        assertThat(china.path("counts").path("changed").asInt()).isZero();
        assertThat(china.path("counts").path("unchanged").asInt()).isZero();

        JsonNode secondPage = EventFeed.asSent(readers.releases.changes(first, second, null, null, 1, 1));
        assertThat(secondPage.path("added")).extracting(e -> e.path("dealId").asText()).containsExactly("d5");
        assertThat(secondPage.path("dropped")).isEmpty();
        assertThat(secondPage.path("counts").path("added").asInt()).as("counts are of the whole lists").isEqualTo(2);
    }

    @Test
    void aRedeliveryChangesNothingAndARebuildYieldsTheSameTables() {
        List<Map<String, Object>> listings = table("register_listing", "release_id, deal_id");
        List<Map<String, Object>> releases = table("register_release", "release_id");
        assertThat(listings).as("d1, d2 and d4 in both releases, d3 and d5 in the second").hasSize(8);

        assertThat(feed.apply(published)).as("every event again").isZero();
        assertThat(table("register_listing", "release_id, deal_id")).isEqualTo(listings);
        assertThat(table("register_release", "release_id")).isEqualTo(releases);

        database.clear();
        feed = new EventFeed(database);
        for (PublishedEvent event : published) {
            feed.apply(List.of(event));
        }
        assertThat(table("register_listing", "release_id, deal_id")).as("one event per batch").isEqualTo(listings);
        assertThat(table("register_release", "release_id")).isEqualTo(releases);
        assertThat(listings).filteredOn(l -> l.get("deal_id").equals("d2") && l.get("release_id").equals(SECOND_ID))
                .singleElement().satisfies(l -> {
                    assertThat(l.get("kind")).isEqualTo("DROPPED");
                    assertThat(l.get("line")).isNull();
                });
        assertThat(listings).filteredOn(l -> l.get("deal_id").equals("d4")).extracting(l -> l.get("kind"))
                .containsExactly("RECORDED", "RESTATED");
        assertThat(listings).filteredOn(l -> l.get("deal_id").equals("d1")).extracting(l -> l.get("released_on"))
                .containsExactly(java.sql.Date.valueOf(LocalDate.parse(FIRST)),
                        java.sql.Date.valueOf(LocalDate.parse(SECOND)));
    }

    @Test
    void theSameReleaseImportedAgainKeepsWhatItDidToEachDeal() {
        List<Map<String, Object>> before = table("register_listing", "release_id, deal_id");
        String again = "2025-05-01T10:00:00Z";
        feed.publish(new RegisterEntryRestated("d1", SECOND_ID, EventFeed.date(SECOND), 20, APC_2025,
                        from(SECOND, again)),
                new RegisterEntryRestated("d3", SECOND_ID, EventFeed.date(SECOND), 24, JF17, from(SECOND, again)),
                imported(SECOND, "job-3", 4, "2025-05-01T11:00:00Z"));

        assertThat(table("register_listing", "release_id, deal_id")).as("revised and recorded by it, still")
                .isEqualTo(before);
        JsonNode second = EventFeed.asSent(readers.releases.list()).path("releases").get(0);
        assertThat(second.path("imports")).extracting(i -> i.path("jobId").asText()).containsExactly("job-2", "job-3");
        assertThat(second.path("knownFrom").asText()).as("its first import").isEqualTo("2025-04-01T11:00:00Z");
        assertThat(deal("d1", null).path("register").path("revisions")).hasSize(1);
    }

    private List<Map<String, Object>> table(String table, String order) {
        return database.jdbc().queryForList("SELECT *, CAST(" + (table.equals("register_release") ? "doc" : "row")
                + " AS text) AS text FROM views." + table + " ORDER BY " + order).stream()
                .peek(row -> row.remove(table.equals("register_release") ? "doc" : "row")).toList();
    }
}
