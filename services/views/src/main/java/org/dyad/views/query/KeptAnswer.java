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
 * An answer as {@link AnswerCache} keeps it: its JSON as text and UTF-8 bytes and, when it is large, the same bytes
 * compressed with gzip. Both are made once, when the answer is computed, so that serving it again copies bytes. As a
 * JSON node it writes its text as it is.
 */
public final class KeptAnswer extends POJONode {

    /** Below this many bytes the saving does not pay for the client's decompression. */
    static final int COMPRESSED_FROM_BYTES = 2048;

    private final SerializedString text;
    private final byte[] gzip;

    private KeptAnswer(SerializedString text, byte[] gzip) {
        super(new RawValue(text));
        this.text = text;
        this.gzip = gzip;
    }

    static KeptAnswer of(String json) {
        SerializedString text = new SerializedString(json);
        byte[] utf8 = text.asUnquotedUTF8();
        return new KeptAnswer(text, utf8.length >= COMPRESSED_FROM_BYTES ? gzip(utf8) : null);
    }

    /** The answer's JSON in UTF-8 (shared: not to be changed). */
    public byte[] utf8() {
        return text.asUnquotedUTF8();
    }

    /** The same bytes compressed with gzip (shared: not to be changed); none for a small answer. */
    public Optional<byte[]> gzip() {
        return Optional.ofNullable(gzip);
    }

    /** Roughly the memory the answer holds, for the cache's weight. */
    int weight() {
        return 2 * text.charLength() + (gzip == null ? 0 : gzip.length);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8);
        // the fastest level: the first reader after each change waits for the compression, and a slower level
        // would take about twice as long for only a few fewer bytes
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
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
