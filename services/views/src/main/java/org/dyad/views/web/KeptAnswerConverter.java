package org.dyad.views.web;

import jakarta.servlet.http.HttpServletRequest;
import org.dyad.views.query.WrittenAnswer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Writes an answer already written as JSON ({@link WrittenAnswer}: kept answers, timelines) as its bytes: compressed
 * with gzip when it is large and the client accepts gzip, so that a large kept answer asked again costs a copy of a
 * tenth of its size, with {@code Vary: Accept-Encoding} on every answer large enough to be compressed. These answers
 * are compressed here only, never again by the container (its compression skips a response that has a
 * {@code Content-Encoding}, and covers no JSON). Spring Boot puts this converter ahead of Jackson's.
 */
@Component
class KeptAnswerConverter extends AbstractHttpMessageConverter<WrittenAnswer> {

    KeptAnswerConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return WrittenAnswer.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected WrittenAnswer readInternal(Class<? extends WrittenAnswer> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("written answers are only sent", input);
    }

    @Override
    protected Long getContentLength(WrittenAnswer answer, MediaType contentType) {
        return null; // set in writeInternal, which knows which form is sent
    }

    @Override
    protected void writeInternal(WrittenAnswer answer, HttpOutputMessage output) throws IOException {
        HttpHeaders headers = output.getHeaders();
        byte[] body = answer.utf8();
        if (answer.compressible()) {
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (acceptsGzip(currentAcceptEncoding())) {
                body = answer.gzip().orElseThrow();
                headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
        }
        headers.setContentLength(body.length);
        output.getBody().write(body);
    }

    private static List<String> currentAcceptEncoding() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Collections.list(request.getHeaders(HttpHeaders.ACCEPT_ENCODING));
        }
        return List.of();
    }

    /**
     * Whether {@code Accept-Encoding} values allow gzip: named (or {@code *}) with a weight above zero. Not Tomcat's
     * parser: it drops codings weighted 0, and so loses a refusal of gzip next to {@code *}.
     */
    static boolean acceptsGzip(List<String> acceptEncoding) {
        Double gzip = null;
        Double any = null;
        for (String header : acceptEncoding) {
            for (String coding : header.split(",")) {
                String[] parts = coding.split(";");
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                double weight = weight(parts);
                if (name.equals("gzip") || name.equals("x-gzip")) {
                    gzip = weight;
                } else if (name.equals("*")) {
                    any = weight;
                }
            }
        }
        return gzip != null ? gzip > 0 : any != null && any > 0;
    }

    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0; // a weight that cannot be read accepts nothing
                }
            }
        }
        return 1;
    }
}
