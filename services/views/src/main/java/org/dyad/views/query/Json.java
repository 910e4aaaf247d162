package org.dyad.views.query;

import com.fasterxml.jackson.core.type.TypeReference;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.wire.DyadJson;

import java.io.IOException;
import java.util.List;

/** Reads the JSONB columns of the views back into contract types. */
final class Json {

    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final TypeReference<List<DealItem>> ITEMS = new TypeReference<>() {
    };

    private Json() {
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return DyadJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable view column: " + e.getMessage(), e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return DyadJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable view column: " + e.getMessage(), e);
        }
    }
}
