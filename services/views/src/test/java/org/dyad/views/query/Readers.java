package org.dyad.views.query;

import org.dyad.views.projection.EventLog;
import org.dyad.views.projection.ViewTables;
import org.dyad.views.testing.ViewsDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The module's readers over the test database, wired as the application wires them. */
public final class Readers {

    public final DealReader deals;
    public final AgreementReader agreements;
    public final TimelineReader timeline;
    public final RelationshipReader relationships;
    public final ActorProfileReader profiles;
    public final OverviewReader overview;
    public final EmbargoReader embargoes;
    public final RegisterReleases releases;
    public final DependenceReader dependence;
    public final BacklogReader backlog;

    public Readers(ViewsDatabase database) {
        NamedParameterJdbcTemplate jdbc = database.named();
        ViewDocuments documents = new ViewDocuments(jdbc, new EventLog(new ViewTables(database.jdbc(),
                ViewTables.LIVE)));
        this.deals = new DealReader(jdbc, documents);
        this.agreements = new AgreementReader(jdbc, documents);
        this.timeline = new TimelineReader(jdbc);
        this.embargoes = new EmbargoReader(jdbc, documents);
        this.relationships = new RelationshipReader(jdbc, documents, agreements, deals, timeline, embargoes);
        this.profiles = new ActorProfileReader(jdbc, documents, relationships);
        this.overview = new OverviewReader(jdbc, documents);
        this.releases = new RegisterReleases(jdbc);
        this.dependence = new DependenceReader(jdbc, documents);
        this.backlog = new BacklogReader(jdbc, documents);
    }
}
