package org.dyad.views.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorNamesTest {

    @Test
    void everyActorCodeInAnAnswerGetsItsNameAndOtherCodesDoNot() {
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        answer.put("supplier", "RUS");
        answer.putArray("parties").add("IRN").add("QUN");
        answer.putObject("dealsByDirection").putObject("FRA->IND");
        answer.putObject("estimate").put("currency", "USD").put("grade", "ABC");
        answer.putArray("deals").add(DyadJson.mapper().getNodeFactory()
                .rawValueNode(new RawValue("{\"dealId\":\"d1\",\"recipient\":\"SUN\",\"status\":\"NEW\"}")));
        answer.put("designation", "APC");

        JsonNode names = ActorNames.addTo(answer).path(ActorNames.FIELD);

        assertThat(names.properties()).extracting(e -> e.getKey() + "=" + e.getValue().asText())
                .containsExactly("FRA=France", "IND=India", "IRN=Iran", "QUN=United Nations", "RUS=Russia",
                        "SUN=Soviet Union");
    }

    @Test
    void addingNamesTwiceGivesTheSameAnswerAndArraysAreLeftAsTheyAre() {
        ObjectNode answer = DyadJson.mapper().createObjectNode().put("partner", "CHN");
        String once = ActorNames.addTo(answer).toString();
        assertThat(ActorNames.addTo(answer).toString()).isEqualTo(once).contains("\"actorNames\":{\"CHN\":\"China\"}");
        JsonNode array = DyadJson.mapper().createArrayNode().add("CHN");
        assertThat(ActorNames.addTo(array)).isEqualTo(DyadJson.mapper().createArrayNode().add("CHN"));
    }
}
