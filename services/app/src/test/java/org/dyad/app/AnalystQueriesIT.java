package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists, profiles and timelines, with filters, sorting, paging and both kinds of time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystQueriesIT extends DyadIntegrationTest {

    private static final String SOURCE = """
            "source": {"publisher": "SIPRI", "title": "Trade register", "publishedOn": "2025-03-13"}""";
    private String frigates;
    private String jets;
    private String tanks;
    private Instant beforeTanks;

    @BeforeAll
    void record() {
        frigates = uniqueId("frigates");
        jets = uniqueId("jets");
        tanks = uniqueId("tanks");
        post("/api/v1/deals", """
                {"id": "%s", "supplier": "KOR", "recipient": "PHL", "reportedOn": "2016",
                 "items": [{"designation": "HDF-3000", "description": "frigate", "category": "SHIPS",
                            "unCategory": "VI_WARSHIPS", "quantity": 2}],
                 "stage": "CONTRACTED", "estimate": {"amount": 337000000, "currency": "USD", "qualifier": "EXACT"},
                 %s}""".formatted(frigates, SOURCE));
        post("/api/v1/deals", """
                {"id": "%s", "supplier": "KOR", "recipient": "PHL", "reportedOn": "2014",
                 "items": [{"designation": "FA-50", "description": "FGA aircraft", "category": "AIRCRAFT",
                            "unCategory": "IV_COMBAT_AIRCRAFT", "quantity": 12}],
                 "stage": "CONTRACTED", "estimate": {"amount": 420000000, "currency": "USD", "qualifier": "ABOUT"},
                 %s}""".formatted(jets, SOURCE));
        post("/api/v1/deals/" + jets + "/delivery-completion", "{\"on\": \"2017\", " + SOURCE + "}");
        beforeTanks = Instant.now();
        String token = post("/api/v1/deals", """
                {"id": "%s", "supplier": "KOR", "recipient": "POL", "reportedOn": "2022-07",
                 "items": [{"designation": "K2", "description": "tank", "category": "ARMOURED_VEHICLES",
                            "unCategory": "I_BATTLE_TANKS", "quantity": 180}],
                 "stage": "CONTRACTED", "estimate": {"amount": 3370000000, "currency": "USD", "qualifier": "EXACT"},
                 %s}""".formatted(tanks, SOURCE)).getBody().path("consistencyToken").asText();
        getConsistent("/api/v1/deals", token, jets + "@1");
    }

    @Test
    void dealsFilterByCategoryDesignationAndValueAndSortByValue() {
        assertThat(ids(get("/api/v1/deals?status=ALL&supplier=KOR&category=VI_WARSHIPS").getBody().path("items"),
                "dealId")).containsExactly(frigates);
        assertThat(ids(get("/api/v1/deals?status=ALL&supplier=KOR&designation=fa-5").getBody().path("items"),
                "dealId")).containsExactly(jets);
        assertThat(ids(get("/api/v1/deals?status=ALL&supplier=KOR&minValue=400000000&maxValue=1000000000")
                .getBody().path("items"), "dealId")).containsExactly(jets);
        assertThat(ids(get("/api/v1/deals?status=ALL&supplier=KOR&sort=value&currency=USD&order=desc").getBody()
                .path("items"), "dealId")).containsExactly(tanks, jets, frigates);
        JsonNode page = get("/api/v1/deals?status=ALL&supplier=KOR&sort=value&currency=USD&order=asc&size=2&page=1")
                .getBody();
        assertThat(ids(page.path("items"), "dealId")).containsExactly(tanks);
        assertThat(page.path("total").asInt()).isEqualTo(3);
    }

    @Test
    void pendingDealsLeaveOutTheDeliveredOnesButNotBeforeTheirDelivery() {
        assertThat(ids(get("/api/v1/deals?supplier=KOR").getBody().path("items"), "dealId"))
                .containsExactlyInAnyOrder(frigates, tanks);
        assertThat(ids(get("/api/v1/deals?supplier=KOR&asOf=2016-06-01").getBody().path("items"), "dealId"))
                .containsExactlyInAnyOrder(frigates, jets);
        assertThat(ids(get("/api/v1/deals?supplier=KOR&knownAt=" + beforeTanks).getBody().path("items"), "dealId"))
                .containsExactly(frigates);
    }

    @Test
    void anActorsPartnersAreCountedAndSorted() {
        JsonNode partners = get("/api/v1/relationships?party=KOR").getBody();
        assertThat(ids(partners.path("items"), "partner")).containsExactly("PHL", "POL");
        assertThat(partners.path("items").get(0).path("deals").asInt()).isEqualTo(2);
        JsonNode before2020 = get("/api/v1/relationships?party=KOR&asOf=2020-01-01").getBody();
        assertThat(ids(before2020.path("items"), "partner")).containsExactly("PHL");
    }

    @Test
    void theProfileShowsBothSidesTopPartnersAndOpenDeals() {
        JsonNode profile = get("/api/v1/actors/KOR/profile").getBody();
        assertThat(profile.path("asSupplier").path("deals").asInt()).isEqualTo(3);
        assertThat(profile.path("asRecipient").path("deals").asInt()).isZero();
        assertThat(profile.path("asSupplier").path("byStage").path("DELIVERED").asInt()).isEqualTo(1);
        assertThat(ids(profile.path("asSupplier").path("topPartners"), "partner")).containsExactly("PHL", "POL");
        assertThat(ids(profile.path("openDeals"), "dealId")).containsExactlyInAnyOrder(frigates, tanks);
        assertThat(get("/api/v1/actors/XYZ/profile").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theTimelineRunsInValidTimeOrderWithSources() {
        JsonNode timeline = get("/api/v1/timeline?parties=KOR,PHL").getBody();
        assertThat(ids(timeline.path("items"), "validOn")).containsExactly("2014", "2016", "2017");
        String sourceId = timeline.path("items").get(0).path("provenance").path("sourceId").asText();
        assertThat(timeline.path("sources").path(sourceId).path("publisher").asText()).isEqualTo("SIPRI");
        assertThat(ids(get("/api/v1/timeline?parties=KOR,PHL&from=2015-01-01&to=2016-12-31").getBody().path("items"),
                "recordId")).containsExactly(frigates);
        JsonNode second = get("/api/v1/timeline?parties=KOR,PHL&size=2&page=1").getBody();
        assertThat(ids(second.path("items"), "validOn")).containsExactly("2017");
        assertThat(second.path("total").asInt()).isEqualTo(3);
        JsonNode beyond = get("/api/v1/timeline?parties=KOR,PHL&size=2&page=5").getBody();
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asInt()).as("a page past the end still says how many there are").isEqualTo(3);
        assertThat(get("/api/v1/timeline?parties=KOR&types=Nonsense").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aRelationshipPreviewsTheLatestFiftyTimelineEntriesInValidTimeOrder() {
        String id = uniqueId("many-claims");
        post("/api/v1/deals", dealReport(id, "BHR", "OMN", 1_000_000L));
        String token = null;
        for (int i = 1; i <= 101; i++) {
            token = post("/api/v1/deals/" + id + "/estimates", """
                    {"estimate": {"amount": %d, "currency": "USD", "qualifier": "ABOUT"}, "estimatedOn": "%d", %s}"""
                    .formatted(1_000_000L + i, 2002 + i / 10, SOURCE)).getBody().path("consistencyToken").asText();
        }
        JsonNode relationship = get("/api/v1/relationships/BHR/OMN?waitFor=" + token).getBody();

        assertThat(relationship.path("timelineTotal").asInt()).isEqualTo(102);
        assertThat(relationship.path("timeline")).hasSize(50);
        assertThat(ids(relationship.path("timeline"), "type")).doesNotContain("SaleReported");
        assertThat(relationship.path("timeline").get(49).path("validOn").asText()).isEqualTo("2012");
        List<String> order = ids(relationship.path("timeline"), "validOn");
        assertThat(order).isSorted();
        // totals from the records' valid dates agree with totals counted event by event (as known now)
        String counted = "&knownAt=" + Instant.now();
        for (String dates : List.of("", "&from=2003-01-01", "&to=2004-12-31", "&from=2003-01-01&to=2004-12-31",
                "&from=2004-01-01&to=2004-01-01")) {
            String timeline = "/api/v1/timeline?parties=OMN,BHR&size=1" + dates;
            assertThat(get(timeline).getBody().path("total")).as(dates)
                    .isEqualTo(get(timeline + counted).getBody().path("total"));
        }
        assertThat(get("/api/v1/timeline?parties=BHR,OMN&from=2003-01-01&to=2004-12-31").getBody().path("total")
                .asInt()).isEqualTo(20);
        assertThat(get("/api/v1/relationships/BHR/OMN?asOf=2004-12-31").getBody().path("timelineTotal"))
                .isEqualTo(get("/api/v1/relationships/BHR/OMN?asOf=2004-12-31" + counted).getBody()
                        .path("timelineTotal"));
    }

    @Test
    void aPairsTimelineHoldsTheRecordsNamingMoreActorsInValidTimeOrder() {
        String deal = uniqueId("btn-mdv");
        String pact = uniqueId("btn-mdv-pact");
        String training = uniqueId("btn-lka-mdv-training");
        List<String> tokens = new ArrayList<>();
        tokens.add(ok(post("/api/v1/deals", """
                {"id": "%s", "supplier": "BTN", "recipient": "MDV", "reportedOn": "2001",
                 "items": [{"designation": "patrol boat", "category": "SHIPS", "quantity": 2}],
                 "stage": "CONTRACTED", %s}"""
                .formatted(deal, SOURCE))));
        ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Maritime security pact", "kind": "AGREEMENT", "parties": ["BTN", "MDV"],
                 "signedOn": "2002", %s}""".formatted(pact, SOURCE)));
        tokens.add(ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Regional training agreement", "kind": "AGREEMENT",
                 "parties": ["MDV", "LKA", "BTN"], "signedOn": "2003", %s}""".formatted(training, SOURCE))));
        tokens.add(ok(post("/api/v1/deals", dealReport(uniqueId("btn-lka"), "BTN", "LKA", 1_000_000L))));
        // a third party joins the pact: its records now name three actors, and still belong to the pair
        tokens.add(ok(post("/api/v1/agreements/" + pact + "/consents", """
                {"party": "LKA", "means": "ACCESSION", "on": "2004", %s}""".formatted(SOURCE))));
        tokens.add(ok(post("/api/v1/deals/" + deal + "/delivery-completion", "{\"on\": \"2005\", " + SOURCE + "}")));
        get("/api/v1/deals?waitFor=" + String.join(",", tokens));

        JsonNode timeline = get("/api/v1/timeline?parties=MDV,BTN").getBody();
        assertThat(ids(timeline.path("items"), "validOn")).containsExactly("2001", "2002", "2003", "2004", "2005");
        assertThat(timeline.path("total").asInt()).isEqualTo(5);
        JsonNode second = get("/api/v1/timeline?parties=BTN,MDV&size=2&page=1").getBody();
        assertThat(ids(second.path("items"), "validOn")).containsExactly("2003", "2004");
        assertThat(second.path("total").asInt()).isEqualTo(5);
        JsonNode signed = get("/api/v1/timeline?parties=BTN,MDV&types=AgreementSigned&knownAt=" + Instant.now())
                .getBody();
        assertThat(ids(signed.path("items"), "validOn")).containsExactly("2002", "2003");
        assertThat(signed.path("total").asInt()).isEqualTo(2);

        JsonNode relationship = get("/api/v1/relationships/MDV/BTN").getBody();
        assertThat(ids(relationship.path("timeline"), "validOn")).containsExactly("2001", "2002", "2003", "2004",
                "2005");
        assertThat(relationship.path("timelineTotal").asInt()).isEqualTo(5);
        assertThat(ids(get("/api/v1/relationships/BTN/MDV?asOf=2003-12-31").getBody().path("timeline"), "validOn"))
                .containsExactly("2001", "2002", "2003");
    }

    @Test
    void actorsStoredUnsortedBeforeTheyWereKeptSortedAreSortedByTheMigration() throws IOException {
        String deal = uniqueId("gnb-cpv");
        get("/api/v1/deals?waitFor=" + ok(post("/api/v1/deals", dealReport(deal, "GNB", "CPV", 1_000_000L))));
        // as a store written before the views kept a record's actors as a sorted set may hold them
        viewStorage.setLoggedActors(deal, "GNB", "CPV");
        assertThat(get("/api/v1/timeline?parties=CPV,GNB").getBody().path("items"))
                .as("unsorted, the pair's own records are not found").isEmpty();

        String migration = new ClassPathResource("db/views/V13__sorted_record_actors.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        viewStorage.migrate(migration);

        assertThat(viewStorage.loggedActors(deal)).containsExactly("CPV,GNB");
        assertThat(ids(get("/api/v1/timeline?parties=GNB,CPV").getBody().path("items"), "recordId"))
                .containsExactly(deal);
    }

    @Test
    void agreementsAreListedByPartyAndStatus() {
        String id = uniqueId("pact");
        String token = post("/api/v1/agreements", """
                {"id": "%s", "title": "Defence cooperation", "kind": "MEMORANDUM", "parties": ["KOR", "POL"],
                 "subjects": ["MILITARY_COOPERATION"], "signedOn": "2022-08-26", %s}""".formatted(id, SOURCE))
                .getBody().path("consistencyToken").asText();
        get("/api/v1/agreements/" + id + "?waitFor=" + token);
        assertThat(ids(get("/api/v1/agreements?party=KOR&status=SIGNED").getBody().path("items"), "agreementId"))
                .contains(id);
        assertThat(ids(get("/api/v1/agreements?party=KOR&status=IN_FORCE").getBody().path("items"), "agreementId"))
                .doesNotContain(id);
        assertThat(ids(get("/api/v1/agreements?party=POL&kind=MEMORANDUM&subject=MILITARY_COOPERATION").getBody()
                .path("items"), "agreementId")).contains(id);
        assertThat(get("/api/v1/agreements?partyStatus=IN_FORCE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
