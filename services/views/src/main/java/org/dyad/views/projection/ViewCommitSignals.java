package org.dyad.views.projection;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells readers in this process about a commit that changes the live views, around the commit itself: before it
 * (from then on, answers about the actors it names are not served as kept) and after it (their answers are then
 * computed and kept anew). A reader registers for the data source its views are read from; a transaction writing the
 * live views through that data source signals it. Other processes learn of the same commit by PostgreSQL's
 * {@code NOTIFY} (see {@code db/views} V23).
 */
public final class ViewCommitSignals {

    /** What a reader is told of a commit that changes the live views. */
    public interface Listener {

        /** The commit is about to be made: it changes answers about these actors (all answers, when empty). */
        void committing(Set<String> actors);

        /** The commit ended (made, or rolled back when {@code committed} is false). */
        void completed(Set<String> actors, boolean committed);
    }

    private static final Map<Object, Listener> LISTENERS = new ConcurrentHashMap<>();

    private ViewCommitSignals() {
    }

    /** Registers the reader of the live views read through {@code dataSource}. */
    public static void register(Object dataSource, Listener listener) {
        LISTENERS.put(dataSource, listener);
    }

    public static void unregister(Object dataSource, Listener listener) {
        LISTENERS.remove(dataSource, listener);
    }

    /** Signals, around the current transaction's commit, that it changes answers about {@code actors}. */
    static void changing(Set<String> actors) {
        if (LISTENERS.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Set<String> changed = Set.copyOf(actors);
        for (Object resource : TransactionSynchronizationManager.getResourceMap().keySet()) {
            Listener listener = LISTENERS.get(resource);
            if (listener != null) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    private boolean committing;

                    @Override
                    public void beforeCommit(boolean readOnly) {
                        committing = true;
                        listener.committing(changed);
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (committing) {
                            listener.completed(changed, status == STATUS_COMMITTED);
                        }
                    }
                });
            }
        }
    }
}
