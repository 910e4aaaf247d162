package org.dyad.support.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonHttpMessageConverterTest {

    record Item(String designation) {
    }

    record Deal(String id, List<Item> items, Map<String, String> notes) {
    }

    private final StrictJsonHttpMessageConverter converter = new StrictJsonHttpMessageConverter(
            DyadJson.configure(new ObjectMapper()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    private Deal read(byte[] body) throws Exception {
        MockHttpInputMessage message = new MockHttpInputMessage(body);
        message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return (Deal) converter.read(Deal.class, null, message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] designation(byte[] raw) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes("{\"id\": \"d\", \"items\": [{\"designation\": \"ok\"}, {\"designation\": \""));
        body.writeBytes(raw);
        body.writeBytes(bytes("\"}]}"));
        return body.toByteArray();
    }

    private FieldProblem refusal(byte[] body) {
        HttpMessageNotReadableException e = (HttpMessageNotReadableException) org.assertj.core.api.Assertions
                .catchThrowable(() -> read(body));
        assertThat(e).as("refused").isNotNull();
        return ProblemDetailsAdvice.describeUnreadable(e);
    }

    @Test
    void validTextIsRead() throws Exception {
        assertThat(read(designation(bytes("\\uD83D\\uDE80 für 🚀"))).items().get(1).designation())
                .isEqualTo("🚀 für 🚀");
        assertThat(read(bytes("{\"id\": \"d\"} \r\n\t")).id()).isEqualTo("d");
    }

    @Test
    void invalidUtf8NamesTheFieldItIsIn() {
        for (byte[] raw : List.of(new byte[]{'T', (byte) 0xFF}, new byte[]{(byte) 0x80}, new byte[]{'T', (byte) 0xC3},
                "für".getBytes(StandardCharsets.ISO_8859_1))) {
            FieldProblem problem = refusal(designation(raw));
            assertThat(problem.field()).isEqualTo("items[1].designation");
            assertThat(problem.reason()).contains("not valid UTF-8");
        }
    }

    @Test
    void loneSurrogatesAreRefusedNamingTheField() {
        for (byte[] raw : List.of(bytes("\\uD800"), bytes("x\\uDC00"), bytes("\\uDE80\\uD83D"), bytes("\\uD83Dx"),
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            FieldProblem problem = refusal(designation(raw));
            assertThat(problem.field()).isEqualTo("items[1].designation");
            assertThat(problem.reason()).contains("lone surrogate");
        }
        FieldProblem inAKey = refusal(bytes("{\"id\": \"d\", \"notes\": {\"a\\uD800\": \"x\"}}"));
        assertThat(inAKey.field()).isEqualTo("notes");
        assertThat(inAKey.reason()).contains("field name", "lone surrogate");
        FieldProblem inAMapValue = refusal(bytes("{\"id\": \"d\", \"notes\": {\"a\": \"\\uDFFF\"}}"));
        assertThat(inAMapValue.field()).isEqualTo("notes.a");
    }

    @Test
    void anythingButWhitespaceAfterTheValueIsRefused() {
        for (String trailing : List.of(" }{\"x\":1} garbage", "{}", "x", " 1", ",")) {
            FieldProblem problem = refusal(bytes("{\"id\": \"d\"}" + trailing));
            assertThat(problem.field()).as(trailing).isEqualTo("body");
        }
    }

    @Test
    void onlyUtf8IsTaken() {
        assertThat(converter.canRead(Deal.class, MediaType.APPLICATION_JSON)).isTrue();
        assertThat(converter.canRead(Deal.class, MediaType.parseMediaType("application/json;charset=utf-8"))).isTrue();
        assertThat(converter.canRead(Deal.class, MediaType.parseMediaType("application/json;charset=ISO-8859-1")))
                .isFalse();
        assertThat(converter.canRead(Deal.class, MediaType.parseMediaType("application/json;charset=UTF-16")))
                .isFalse();
    }

    @Test
    void answersAreWrittenAsBefore() {
        assertThat(converter.canWrite(Deal.class, MediaType.APPLICATION_JSON)).isTrue();
        assertThat(converter.getObjectMapper().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
    }

    @Test
    void bodiesInUtf16OrUtf32AreRefusedAsTheBody() {
        String deal = "{\"id\": \"d\", \"items\": [{\"designation\": \"f\u00fcr\"}]}";
        for (java.nio.charset.Charset encoding : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, java.nio.charset.Charset.forName("UTF-32"))) {
            FieldProblem problem = refusal(deal.getBytes(encoding));
            assertThat(problem.field()).as(encoding.name()).isEqualTo("body");
            assertThat(problem.reason()).as(encoding.name()).contains("UTF-8");
        }
    }
}
