package org.dyad.views.query;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An answer already written as JSON: its text and UTF-8 bytes and, when it is large, the same bytes compressed with
 * gzip, made when first asked for (a client that does not accept gzip costs no compression). The web layer sends the
 * bytes as they are ({@code KeptAnswerConverter}). As a JSON node it writes its text as it is.
 */
public class WrittenAnswer extends POJONode {

    /** Below this many bytes the saving does not pay for the client's decompression. */
    static final int COMPRESSED_FROM_BYTES = 2048;

    private final SerializedString text;
    private final byte[] utf8;
    /** Made on first ask; two threads asking at once may both compress, with the same result. */
    private volatile byte[] gzip;

    WrittenAnswer(String json) {
        this(new SerializedString(json));
    }

    private WrittenAnswer(SerializedString text) {
        super(new RawValue(text));
        this.text = text;
        this.utf8 = text.asUnquotedUTF8();
    }

    /** An answer written as this JSON text. */
    public static WrittenAnswer of(String json) {
        return new WrittenAnswer(json);
    }

    /** The answer's JSON in UTF-8 (shared: not to be changed). */
    public byte[] utf8() {
        return utf8;
    }

    /** Whether the answer is large enough to be sent compressed to clients that accept it. */
    public boolean compressible() {
        return utf8.length >= COMPRESSED_FROM_BYTES;
    }

    /**
     * The same bytes compressed with gzip (shared: not to be changed), made on the first call; none for a small
     * answer.
     */
    public Optional<byte[]> gzip() {
        if (!compressible()) {
            return Optional.empty();
        }
        byte[] compressed = gzip;
        if (compressed == null) {
            compressed = gzip(utf8);
            gzip = compressed;
        }
        return Optional.of(compressed);
    }

    /** The length of the answer's text in characters. */
    int charLength() {
        return text.charLength();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8);
        // the fastest level: the first reader after each change waits for the compression, and a slower level
        // would take about twice as long for only a few fewer bytes
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
