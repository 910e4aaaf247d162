package org.dyad.views.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourcesTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) DyadJson.mapper().readTree(text);
    }

    private static final String TASS = """
            {"publisher": "TASS", "title": "Deal <b>signed</b>", "url": null, "publishedOn": "2021-05", "quote": "q"}""";

    @Test
    void anIdDependsOnTheSourcesContentNotOnTheOrderOrNullsOfItsFields() throws Exception {
        String id = Sources.id(json(TASS));
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(Sources.id(json("""
                {"quote": "q", "publishedOn": "2021-05", "title": "Deal <b>signed</b>", "publisher": "TASS"}""")))
                .isEqualTo(id);
        assertThat(Sources.id(json("""
                {"publisher": "TASS", "title": "Deal <b>signed</b>", "publishedOn": "2021-05", "quote": "other"}""")))
                .isNotEqualTo(id);
    }

    @Test
    void anAnswerNamesEverySourceOnceAtItsTopAndByIdWhereItStood() throws Exception {
        ObjectNode stored = Sources.compact(json("""
                {"dealId": "d1", "sources": [%1$s],
                 "estimates": [{"provenance": {"source": %1$s, "grade": "B2"}}]}""".formatted(TASS)));
        ObjectNode answer = json("""
                {"deals": [], "timeline": [{"provenance": {"source": %1$s, "grade": "C3"}},
                 {"provenance": {"source": {"publisher": "SIPRI", "title": "Register"}}}]}""".formatted(TASS));
        answer.withArray("deals").add(stored);

        Sources.gather(answer);

        String tass = Sources.id(json(TASS));
        assertThat(answer.path("sources").size()).isEqualTo(2);
        assertThat(answer.path("sources").path(tass).path("title").asText()).isEqualTo("Deal <b>signed</b>");
        assertThat(answer.toString()).containsOnlyOnce("\"publisher\":\"TASS\"").doesNotContain(Sources.INDEX);
        assertThat(answer.at("/deals/0/sourceIds/0").asText()).isEqualTo(tass);
        assertThat(answer.at("/deals/0/estimates/0/provenance/sourceId").asText()).isEqualTo(tass);
        assertThat(answer.at("/timeline/0/provenance/sourceId").asText()).isEqualTo(tass);
        assertThat(answer.at("/timeline/0/provenance/grade").asText()).isEqualTo("C3");
        assertThat(answer.at("/timeline/1/provenance").has("source")).isFalse();
    }

    @Test
    void aSingleRecordAnswerKeepsItsListOfSourcesAsIdsBesideTheMap() throws Exception {
        ObjectNode deal = Sources.gather(json("""
                {"dealId": "d1", "sources": [%1$s], "history": [{"event": {"provenance": {"source": %1$s}}}]}"""
                .formatted(TASS)));
        String tass = Sources.id(json(TASS));
        assertThat(deal.path("sourceIds").get(0).asText()).isEqualTo(tass);
        assertThat(deal.path("sources").fieldNames()).toIterable().containsExactly(tass);
        assertThat(Sources.gather(deal.deepCopy())).isEqualTo(deal);
    }

    @Test
    void inliningAStoredSummaryGivesBackItsSources() throws Exception {
        ObjectNode original = json("""
                {"dealId": "d1", "sources": [%1$s], "estimates": [{"provenance": {"source": %1$s}}]}""".formatted(TASS));
        assertThat(Sources.inline(Sources.compact(original.deepCopy()))).isEqualTo(original);
    }
}
