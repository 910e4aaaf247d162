package org.dyad.views.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One connection of the {@link LiveFeed}: its cursor and filters, its bounded buffer of events read and not yet
 * taken by the connection, and the non-blocking writes that hand them over while the container says the connection
 * can take them.
 */
final class FeedSubscriber implements WriteListener, AsyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSubscriber.class);

    /**
     * What every subscriber is held to: a heartbeat after this long without anything sent, at most this many events
     * buffered, and at most this long with a connection that takes nothing.
     */
    record Limits(Duration heartbeat, int bufferEvents, Duration sendTimeout) {
    }

    final String principal;
    final ServletOutputStream output;
    private final AsyncContext async;
    private final List<String> parties;
    private final List<String> types;
    private final Limits limits;
    private final FeedEvents events;
    private final Consumer<FeedSubscriber> onEnd;
    private final Counter fallenBehind;
    /** Position of the last event put into the buffer. */
    private long cursor;
    /** Frames not yet handed to the connection; events count against the buffer's bound. */
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private int bufferedEvents;
    /** Whether bytes were written since the last flush. */
    private boolean unflushed;
    private long lastQueuedAt = System.nanoTime();
    /** When the connection last could not take a write, or 0 while it can. */
    private long blockedSince;
    private boolean closed;
    /** A write failed: the connection is gone. */
    private boolean failed;

    FeedSubscriber(AsyncContext async, ServletOutputStream output, String principal, List<String> parties,
                   List<String> types, long cursor, Limits limits, FeedEvents events, Consumer<FeedSubscriber> onEnd,
                   Counter fallenBehind) {
        this.async = async;
        this.output = output;
        this.principal = principal;
        this.parties = parties;
        this.types = types;
        this.cursor = cursor;
        this.limits = limits;
        this.events = events;
        this.onEnd = onEnd;
        this.fallenBehind = fallenBehind;
    }

    /** Reads what is new for this subscriber into its buffer, or disconnects it if it has fallen behind. */
    void poll() {
        long now = System.nanoTime();
        String behind = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (failed) {
                behind = "";
            } else if (blockedSince != 0 && now - blockedSince > limits.sendTimeout().toNanos()) {
                behind = "its connection took nothing for " + limits.sendTimeout().toMillis() + " ms";
            } else if (bufferedEvents >= limits.bufferEvents()) {
                behind = "it left " + limits.bufferEvents() + " events unread";
            }
        }
        if (behind != null) {
            if (!behind.isEmpty()) {
                LOG.info("Live feed: disconnecting {} at event {}: {}", principal, cursor, behind);
                fallenBehind.increment();
            }
            disconnect();
            return;
        }
        List<ObjectNode> events = this.events.after(cursor, parties, types, limits.bufferEvents() - bufferedEvents);
        synchronized (this) {
            if (closed) {
                return;
            }
            for (ObjectNode event : events) {
                long seq = event.remove("seq").asLong();
                frames.add(new Frame("id: " + seq + "\nevent: " + event.path("type").asText() + "\ndata: "
                        + event + "\n\n", true));
                bufferedEvents++;
                cursor = seq;
                lastQueuedAt = now;
            }
            if (events.isEmpty() && frames.isEmpty() && now - lastQueuedAt > limits.heartbeat().toNanos()) {
                frames.add(new Frame(": heartbeat\n\n", false));
                lastQueuedAt = now;
            }
            write();
        }
    }

    synchronized void enqueue(String comment) {
        frames.add(new Frame(comment, false));
    }

    /** Queues a frame pushed for this subscriber's principal and writes what the connection can take now. */
    synchronized void push(String frame) {
        if (closed) {
            return;
        }
        frames.add(new Frame(frame, false));
        lastQueuedAt = System.nanoTime();
        write();
    }

    /** Hands buffered frames to the connection while it can take them; never blocks. */
    private void write() {
        if (closed) {
            return;
        }
        try {
            while (!frames.isEmpty() && output.isReady()) {
                Frame frame = frames.poll();
                if (frame.event()) {
                    bufferedEvents--;
                }
                output.write(frame.bytes());
                unflushed = true;
            }
            if (unflushed && output.isReady()) {
                output.flush();
                unflushed = false;
            }
            // isReady() answering false also asks the container to call onWritePossible once it can write
            blockedSince = output.isReady() ? 0 : blockedSince != 0 ? blockedSince : System.nanoTime();
        } catch (IOException | IllegalStateException e) {
            closeLater();
        }
    }

    /** Ends the feed: forgets the subscriber and completes its response. */
    void disconnect() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            frames.clear();
        }
        onEnd.accept(this);
        try {
            // outside the subscriber's lock: the container may be calling onWritePossible, holding its own
            async.complete();
        } catch (IllegalStateException e) {
            // already completed by the container
        }
    }

    /** A write failed under the subscriber's lock: the feed is ended by the poller's next pass. */
    private void closeLater() {
        frames.clear();
        failed = true;
    }

    @Override
    public synchronized void onWritePossible() {
        write();
    }

    @Override
    public void onError(Throwable t) {
        disconnect();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        disconnect();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        disconnect();
    }

    @Override
    public void onError(AsyncEvent event) {
        disconnect();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    /** A text written to the connection whole; event frames count against the buffer. */
    private record Frame(byte[] bytes, boolean event) {

        Frame(String text, boolean event) {
            this(text.getBytes(StandardCharsets.UTF_8), event);
        }
    }
}
