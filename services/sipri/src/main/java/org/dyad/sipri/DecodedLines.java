package org.dyad.sipri;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a byte stream, decoded while they stream past. A UTF-8 byte order mark means UTF-8; otherwise the
 * file is UTF-8 only if all of it is valid UTF-8 and some of it is not ASCII, which is known for sure only at the end.
 * Lines that UTF-8 and ISO-8859-1 would decode differently therefore keep their bytes until then, so that the caller
 * can decode them again if a later line turns out not to be UTF-8.
 */
final class DecodedLines {

    /**
     * @param undecided the line's bytes while its decoding may still change from UTF-8 to ISO-8859-1, else null
     */
    record Line(int number, String text, byte[] undecided) {

        String text(Charset charset) {
            return undecided == null ? text : new String(undecided, charset);
        }
    }

    private enum State {
        ASCII_SO_FAR, UTF8_SO_FAR, UTF8_MARKED, LATIN1
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    private int position;
    private int limit;
    private byte[] line = new byte[512];
    private int length;
    private int number;
    private State state;

    DecodedLines(InputStream in) throws IOException {
        this.in = in;
        limit = in.readNBytes(buffer, 0, buffer.length);
        if (limit >= BOM.length && Arrays.equals(buffer, 0, BOM.length, BOM, 0, BOM.length)) {
            position = BOM.length;
            state = State.UTF8_MARKED;
        } else {
            state = State.ASCII_SO_FAR;
        }
    }

    /** The next line without its terminator (LF or CRLF), or null at the end. */
    Line next() throws IOException {
        length = 0;
        boolean read = false;
        while (position < limit || fill()) {
            read = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++;
                return decode();
            }
        }
        return read ? decode() : null;
    }

    /** The encoding of everything read so far; final once {@link #next()} has returned null. */
    Charset charset() {
        return state == State.UTF8_SO_FAR || state == State.UTF8_MARKED
                ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void append(int start, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, start, line, length, count);
        length += count;
    }

    private Line decode() {
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        switch (state) {
            case UTF8_MARKED:
                return new Line(number, new String(line, 0, length, StandardCharsets.UTF_8), null);
            case LATIN1:
                return latin1();
            default:
                if (ascii()) {
                    return latin1();
                }
                try {
                    String text = utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
                    state = State.UTF8_SO_FAR;
                    return new Line(number, text, Arrays.copyOf(line, length));
                } catch (CharacterCodingException e) {
                    state = State.LATIN1;
                    return latin1();
                }
        }
    }

    private Line latin1() {
        return new Line(number, new String(line, 0, length, StandardCharsets.ISO_8859_1), null);
    }

    private boolean ascii() {
        for (int i = 0; i < length; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
