package org.dyad.support.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Parsers for request bodies that refuse text which is not Unicode: bytes that are not UTF-8 (Jackson's own check,
 * here made to name the field) and lone surrogates, whether escaped ({@code "\uD800"}) or encoded as bytes. Jackson
 * decodes both into a Java string without complaint, and such a string written back out is JSON that strict parsers
 * reject. Every string and field name is decoded when its token is reached, so the refusal names the field it is in.
 */
public class StrictTextJsonFactory extends JsonFactory {

    public StrictTextJsonFactory(JsonFactory settings) {
        super(settings, null);
    }

    @Override
    public JsonFactory copy() {
        return new StrictTextJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        PushbackInputStream start = new PushbackInputStream(in, 4);
        byte[] first = start.readNBytes(4);
        start.unread(first);
        refuseOtherEncodings(first, 0, first.length);
        return new StrictTextParser(super._createParser(start, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new StrictTextParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new StrictTextParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        refuseOtherEncodings(data, offset, Math.min(4, length));
        return new StrictTextParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new StrictTextParser(super._createParser(input, context));
    }

    /** Text in a request body that is not Unicode, with the field it is in ({@code body} at the top level). */
    public static class InvalidTextException extends JsonParseException {

        private final String field;
        private final String reason;

        InvalidTextException(JsonParser parser, String field, String reason, Throwable cause) {
            super(parser, field + ": " + reason, cause);
            this.field = field;
            this.reason = reason;
        }

        public String field() {
            return field;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Refuses a body in UTF-16 or UTF-32, which Jackson would otherwise detect and decode (turning malformed units
     * into U+FFFD without a word). JSON text begins with an ASCII character or a byte order mark, so in UTF-8 none of
     * its first bytes is zero, and UTF-16's and UTF-32's byte order marks are not UTF-8.
     */
    static void refuseOtherEncodings(byte[] data, int offset, int length) throws InvalidTextException {
        boolean utf16Mark = length >= 2 && ((data[offset] == (byte) 0xFE && data[offset + 1] == (byte) 0xFF)
                || (data[offset] == (byte) 0xFF && data[offset + 1] == (byte) 0xFE));
        boolean zero = false;
        for (int i = offset; i < offset + length; i++) {
            zero |= data[i] == 0;
        }
        if (utf16Mark || zero) {
            throw new InvalidTextException(null, "body", "not UTF-8: the body looks like UTF-16 or UTF-32; JSON"
                    + " must be sent in UTF-8", null);
        }
    }

    /** The first lone surrogate in a text, or -1 when every surrogate is half of a pair. */
    static int loneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The JSON path of the parser's position, in the form the API's problems use ({@code items[0].designation});
     * {@code withName} false leaves out the name of the current field (while the name itself is being read).
     */
    static String path(JsonStreamContext context, boolean withName) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null && (withName || c != context)) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    private static final class StrictTextParser extends JsonParserDelegate {

        StrictTextParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token;
            try {
                token = delegate.nextToken();
            } catch (JsonParseException e) {
                // field names are decoded while the token is found
                throw notUnicode(e, false);
            }
            if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                String text;
                try {
                    text = delegate.getText();
                } catch (JsonParseException e) {
                    throw notUnicode(e, true);
                }
                int surrogate = loneSurrogate(text);
                if (surrogate >= 0) {
                    String what = token == JsonToken.FIELD_NAME ? "the field name \"" + printable(text) + "\""
                            : "the text";
                    throw new InvalidTextException(delegate, path(delegate.getParsingContext(),
                            token != JsonToken.FIELD_NAME), what + " holds a lone surrogate (U+"
                            + Integer.toHexString(text.charAt(surrogate)).toUpperCase() + " at character "
                            + surrogate + "), which is not a Unicode character", null);
                }
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        private JsonParseException notUnicode(JsonParseException e, boolean inValue) {
            String message = e.getOriginalMessage();
            if (message == null || !message.contains("UTF-8")) {
                return e;
            }
            return new InvalidTextException(delegate, path(delegate.getParsingContext(), inValue),
                    "not valid UTF-8: " + message, e);
        }

        private static String printable(String text) {
            StringBuilder shown = new StringBuilder();
            text.chars().forEach(c -> shown.append(Character.isSurrogate((char) c)
                    ? "\\u" + Integer.toHexString(c).toUpperCase() : String.valueOf((char) c)));
            return shown.toString();
        }
    }
}
