package org.dyad.views.testing;

import org.dyad.views.query.Readers;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the views against the test PostgreSQL: the views are empty before each test, events go in through
 * {@link #feed} as the topic's subscriber sends them, and answers come out through {@link #readers}.
 */
public abstract class ViewsTest {

    protected final ViewsDatabase database = ViewsDatabase.get();
    protected EventFeed feed;
    protected Readers readers;

    @BeforeEach
    void emptyViews() {
        database.clear();
        feed = new EventFeed(database);
        readers = new Readers(database);
    }
}
