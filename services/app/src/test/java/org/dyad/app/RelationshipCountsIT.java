package org.dyad.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is on record between two actors (their counts and the span of their dates, as an actor's partners show it)
 * follows each record that joins the pair, widens or narrows its dates, or leaves it.
 */
class RelationshipCountsIT extends DyadIntegrationTest {

    private String retract(String aggregateId, int sequence) {
        return ok(post("/api/v1/records/" + aggregateId + "/retractions", "{\"eventId\": \""
                + eventIdOf(aggregateId, sequence) + "\", \"reason\": \"misreported\", " + SIPRI_SOURCE + "}"));
    }

    /** LUX's row for MLT among its partners, once the views have the given command's events. */
    private String luxWithMlt(String token) {
        JsonNode partners = get("/api/v1/relationships?party=LUX&waitFor=" + token).getBody().path("items");
        for (JsonNode partner : partners) {
            if (partner.path("partner").asText().equals("MLT")) {
                return "agreements " + partner.path("agreements").asInt() + ", deals " + partner.path("deals").asInt()
                        + ", " + partner.path("firstEventOn").asText() + " to " + partner.path("lastEventOn").asText();
            }
        }
        return "none";
    }

    @Test
    void thePairsCountsAndDatesFollowItsRecords() {
        String sale = uniqueId("lux-sale");
        String resale = uniqueId("mlt-sale");
        ok(post("/api/v1/deals", dealReport(sale, "LUX", "MLT", 1_000_000_000L)));
        String token = ok(post("/api/v1/deals", dealReport(resale, "MLT", "LUX", 2_000_000_000L)));
        assertThat(luxWithMlt(token)).as("two deals join, both ways")
                .isEqualTo("agreements 0, deals 2, 2001-03-01 to 2001-03-01");

        token = ok(post("/api/v1/deals/" + sale + "/estimates", """
                {"estimate": {"amount": 3000000000, "currency": "USD", "qualifier": "ABOUT"}, "estimatedOn": "2003-06",
                 %s}""".formatted(SIPRI_SOURCE)));
        assertThat(luxWithMlt(token)).as("a later estimate widens the span")
                .isEqualTo("agreements 0, deals 2, 2001-03-01 to 2003-06-01");

        token = retract(sale, 1);
        assertThat(luxWithMlt(token)).as("its retraction narrows it again")
                .isEqualTo("agreements 0, deals 2, 2001-03-01 to 2001-03-01");

        token = ok(post("/api/v1/records/" + resale + "/corrections", """
                {"eventId": "%s", "reason": "reported a year earlier", "changes": {"reportedOn": "2000-03"}, %s}"""
                .formatted(eventIdOf(resale, 0), SIPRI_SOURCE)));
        assertThat(luxWithMlt(token)).as("an earlier date widens it")
                .isEqualTo("agreements 0, deals 2, 2000-03-01 to 2001-03-01");

        token = retract(resale, 0);
        assertThat(luxWithMlt(token)).as("a retracted report leaves the pair")
                .isEqualTo("agreements 0, deals 1, 2001-03-01 to 2001-03-01");

        token = ok(post("/api/v1/agreements", """
                {"id": "%s", "title": "Defence cooperation", "kind": "MEMORANDUM", "subjects": ["MILITARY_COOPERATION"],
                 "parties": ["LUX", "MLT"], "signedOn": "1999-11-05", "binding": false, %s}"""
                .formatted(uniqueId("lux-mlt"), SIPRI_SOURCE)));
        assertThat(luxWithMlt(token)).as("an agreement counts too")
                .isEqualTo("agreements 1, deals 1, 1999-11-05 to 2001-03-01");

        token = retract(sale, 0);
        assertThat(luxWithMlt(token)).as("the last deal leaves")
                .isEqualTo("agreements 1, deals 0, 1999-11-05 to 1999-11-05");
    }
}
