package org.dyad.views.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.dyad.contracts.wire.DyadJson;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Newline-delimited JSON: one object per row, every column present (empty cells as {@code null}), numbers as JSON
 * numbers, dates and instants as ISO 8601 text.
 */
final class NdjsonRowWriter implements TidyRowWriter {

    private final List<TidyColumn> columns;
    private final JsonGenerator json;

    NdjsonRowWriter(List<TidyColumn> columns, OutputStream out) throws IOException {
        this.columns = columns;
        this.json = DyadJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)
                .setRootValueSeparator(null);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void write(Object... values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            TidyColumn column = columns.get(i);
            Object value = values[i];
            json.writeFieldName(column.name());
            if (value == null) {
                json.writeNull();
                continue;
            }
            switch (column.type()) {
                case INTEGER -> json.writeNumber(TidyValues.integer(value));
                case NUMBER -> json.writeNumber(TidyValues.decimal(value));
                case BOOLEAN -> json.writeBoolean((Boolean) value);
                default -> json.writeString(TidyValues.text(value));
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
