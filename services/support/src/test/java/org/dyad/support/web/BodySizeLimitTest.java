package org.dyad.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class BodySizeLimitTest {

    private static final int LIMIT = 100;

    record Note(String text) {
    }

    @RestController
    static class Notes {

        final AtomicInteger calls = new AtomicInteger();

        @PostMapping(path = "/api/v1/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
        Note take(@RequestBody Note note) {
            calls.incrementAndGet();
            return note;
        }
    }

    private final Notes notes = new Notes();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(notes)
            .setControllerAdvice(new ProblemDetailsAdvice())
            .setMessageConverters(new StrictJsonHttpMessageConverter(ProblemDetailsAdviceTest.JSON))
            .addFilters(new BodySizeLimit(LIMIT, ProblemDetailsAdviceTest.JSON))
            .build();

    private static String noteOf(int bytes) {
        String frame = "{\"text\":\"\"}";
        return "{\"text\":\"" + "x".repeat(bytes - frame.length()) + "\"}";
    }

    /** The request as it arrives chunked: the same body, with no Content-Length declared. */
    private static RequestPostProcessor chunked() {
        return declared -> {
            MockHttpServletRequest request = new MockHttpServletRequest(declared.getServletContext(),
                    declared.getMethod(), declared.getRequestURI()) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
            for (String name : Collections.list(declared.getHeaderNames())) {
                if (!name.equalsIgnoreCase("Content-Length")) {
                    request.addHeader(name, declared.getHeader(name));
                }
            }
            request.setContentType(declared.getContentType());
            request.setContent(declared.getContentAsByteArray());
            return request;
        };
    }

    @Test
    void aBodyAtTheLimitPassesUntouched() throws Exception {
        String body = noteOf(LIMIT);
        assertThat(body).hasSize(LIMIT);
        mvc.perform(post("/api/v1/notes").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("x".repeat(LIMIT - 11)));
        mvc.perform(post("/api/v1/notes").contentType(MediaType.APPLICATION_JSON).content(body).with(chunked()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("x".repeat(LIMIT - 11)));
        assertThat(notes.calls).hasValue(2);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefused413BeforeAnythingReadsTheBody() throws Exception {
        mvc.perform(post("/api/v1/notes").contentType(MediaType.APPLICATION_JSON).content(noteOf(LIMIT + 1)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("the body has 101 bytes; at most 100 are accepted"))
                .andExpect(jsonPath("$.instance").value("/api/v1/notes"));
        assertThat(notes.calls).hasValue(0);

        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/notes") {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                throw new AssertionError("the body was read");
            }
        };
        request.setContent(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new BodySizeLimit(LIMIT, ProblemDetailsAdviceTest.JSON).doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).as("nothing after the limit ran").isNull();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused413() throws Exception {
        mvc.perform(post("/api/v1/notes").contentType(MediaType.APPLICATION_JSON).content(noteOf(LIMIT + 1))
                        .with(chunked()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Body too large"))
                .andExpect(jsonPath("$.detail").value("the body has more than 100 bytes; at most 100 are accepted"));
        assertThat(notes.calls).hasValue(0);
    }

    @Test
    void aChunkedBodyStopsAtTheFirstByteOverTheLimit() throws Exception {
        byte[] body = "y".repeat(3 * LIMIT).getBytes(StandardCharsets.US_ASCII);
        for (Reading reading : Reading.values()) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/notes") {
                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public int getContentLength() {
                    return -1;
                }
            };
            request.setContent(body);
            AtomicInteger readBeforeRefusal = new AtomicInteger();
            MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                @Override
                protected void service(jakarta.servlet.http.HttpServletRequest counted,
                                       jakarta.servlet.http.HttpServletResponse response) throws IOException {
                    InputStream in = counted.getInputStream();
                    assertThatThrownBy(() -> reading.readAll(in, readBeforeRefusal))
                            .isInstanceOf(BodySizeLimit.BodyTooLargeException.class)
                            .extracting(e -> ((BodySizeLimit.BodyTooLargeException) e).maxBytes())
                            .isEqualTo((long) LIMIT);
                }
            });
            new BodySizeLimit(LIMIT, ProblemDetailsAdviceTest.JSON).doFilter(request, new MockHttpServletResponse(),
                    chain);
            assertThat(readBeforeRefusal.get()).as(reading.name()).isLessThanOrEqualTo(LIMIT);
            if (reading == Reading.BYTE_BY_BYTE) {
                assertThat(readBeforeRefusal.get()).as("every byte up to the limit is given").isEqualTo(LIMIT);
            }
        }
    }

    enum Reading {
        BYTE_BY_BYTE {
            @Override
            void readAll(InputStream in, AtomicInteger read) throws IOException {
                while (in.read() >= 0) {
                    read.incrementAndGet();
                }
            }
        },
        IN_BLOCKS {
            @Override
            void readAll(InputStream in, AtomicInteger read) throws IOException {
                byte[] block = new byte[64];
                for (int n; (n = in.read(block, 0, block.length)) >= 0; ) {
                    read.addAndGet(n);
                }
            }
        };

        abstract void readAll(InputStream in, AtomicInteger read) throws IOException;
    }

    @Test
    void importsHaveTheirOwnLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/imports/sipri");
        request.setContent(new byte[LIMIT * 10]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new BodySizeLimit(LIMIT, ProblemDetailsAdviceTest.JSON).doFilter(request, response, chain);
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
