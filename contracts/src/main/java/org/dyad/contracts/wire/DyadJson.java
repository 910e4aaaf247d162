package org.dyad.contracts.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The JSON form of Dyad's messages on the wire: ISO-8601 dates, no nulls, exact decimals, unknown fields tolerated by
 * readers.
 */
public final class DyadJson {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private DyadJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies Dyad's wire conventions to a mapper (also used for the one Spring builds). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        // Blackbird: properties read and written through generated accessors instead of reflection (every event is
        // written and read several times on its way from a command to the views)
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                // a decimal read into a tree keeps its scale (2.50 stays 2.50), as it does in a record
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
