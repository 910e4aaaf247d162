package org.dyad.views.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class KeptAnswerTest {

    private final ObjectMapper json = DyadJson.mapper();

    @Test
    void aLargeAnswerIsKeptWithAGzipFormOfTheSameBytes() throws IOException {
        String text = "{\"deals\": [" + "{\"dealId\": \"d\", \"supplier\": \"RUS\", \"recipient\": \"IRN\"},".repeat(100)
                + "{}], \"note\": \"Tu-154 für Iran\"}";
        KeptAnswer answer = KeptAnswer.of(text);

        assertThat(answer.utf8()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.gzip()).isPresent();
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(answer.gzip().get())).readAllBytes();
        assertThat(unzipped).isEqualTo(answer.utf8());
        assertThat(answer.gzip().get().length).isLessThan(answer.utf8().length / 4);
    }

    @Test
    void aSmallAnswerIsKeptWithoutOne() {
        assertThat(KeptAnswer.of("{\"deals\": []}").gzip()).isEmpty();
    }

    @Test
    void aWrittenAnswerIsCompressedOnlyWhenFirstAskedAndOnce() throws IOException {
        String text = "{\"items\": [" + "{\"type\": \"SaleReported\", \"aggregateId\": \"d\"},".repeat(100) + "{}]}";
        WrittenAnswer answer = WrittenAnswer.of(text);

        assertThat(answer.compressible()).isTrue();
        byte[] zipped = answer.gzip().orElseThrow();
        assertThat(answer.gzip().orElseThrow()).as("made once").isSameAs(zipped);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped)).readAllBytes()).isEqualTo(answer.utf8());
        assertThat(WrittenAnswer.of("{\"items\": []}").compressible()).isFalse();
        assertThat(WrittenAnswer.of("{\"items\": []}").gzip()).isEmpty();
    }

    @Test
    void asAJsonNodeItWritesItsTextAsItIs() throws IOException {
        String text = "{\"amount\":7000000000.50,\"currency\":\"USD\"}";
        assertThat(json.writeValueAsString(KeptAnswer.of(text))).isEqualTo(text);
        assertThat(json.writeValueAsString(json.createObjectNode().set("answer", KeptAnswer.of(text))))
                .isEqualTo("{\"answer\":" + text + "}");
    }
}
