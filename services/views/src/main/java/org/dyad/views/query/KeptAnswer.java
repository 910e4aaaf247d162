package org.dyad.views.query;

/**
 * An answer as {@link AnswerCache} keeps it: its JSON as text and UTF-8 bytes and, when it is large, the same bytes
 * compressed with gzip. Both are made once, when the answer is computed, so that serving it again copies bytes.
 */
public final class KeptAnswer extends WrittenAnswer {

    private KeptAnswer(String json) {
        super(json);
    }

    public static KeptAnswer of(String json) {
        KeptAnswer answer = new KeptAnswer(json);
        answer.gzip();
        return answer;
    }

    /** Roughly the memory the answer holds, for the cache's weight. */
    int weight() {
        return 2 * charLength() + utf8().length + gzip().map(zipped -> zipped.length).orElse(0);
    }
}
