package org.dyad.support.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.lang.reflect.Type;

/**
 * The API's JSON reader and writer. A request body must be exactly one JSON value in UTF-8 (RFC 8259): a body that
 * declares another charset is not taken (415), and text that is not Unicode ({@link StrictTextJsonFactory}) or
 * anything but whitespace after the value is refused (400). Answers are written with the application's mapper.
 */
public class StrictJsonHttpMessageConverter extends MappingJackson2HttpMessageConverter {

    public StrictJsonHttpMessageConverter(ObjectMapper mapper) {
        super(mapper.copyWith(new StrictTextJsonFactory(mapper.getFactory()))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    /** Whether a request's declared charset, if any, is UTF-8. */
    static boolean utf8(MediaType mediaType) {
        String charset = mediaType == null ? null : mediaType.getParameter("charset");
        return charset == null || "UTF-8".equalsIgnoreCase(charset.replace("\"", ""));
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return utf8(mediaType) && super.canRead(type, mediaType);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return utf8(mediaType) && super.canRead(type, contextClass, mediaType);
    }
}
