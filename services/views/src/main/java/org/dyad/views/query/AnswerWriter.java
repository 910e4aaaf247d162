package org.dyad.views.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.views.model.Sources;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Writes a views answer as the JSON it is sent as: every source named once ({@link Sources#gather}), the actors'
 * names added ({@link ActorNames}), then its text, from which the bytes sent (and their gzip form) are taken.
 */
@Component
public class AnswerWriter {

    private final ObjectMapper json;

    AnswerWriter(ObjectMapper json) {
        this.json = json;
    }

    /** The answer written, to be sent once. */
    public WrittenAnswer write(JsonNode answer) {
        return write(answer, WrittenAnswer::of);
    }

    /** The answer written, to be kept ({@link AnswerCache}). */
    KeptAnswer keep(JsonNode answer) {
        return write(answer, KeptAnswer::of);
    }

    private <T extends WrittenAnswer> T write(JsonNode answer, Function<String, T> as) {
        try {
            JsonNode named = answer instanceof ObjectNode object ? Sources.gather(object) : answer;
            return as.apply(json.writeValueAsString(ActorNames.addTo(named)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }
}
