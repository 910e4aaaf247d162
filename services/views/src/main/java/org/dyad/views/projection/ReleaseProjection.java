package org.dyad.views.projection;

import org.dyad.contracts.register.event.RegisterReleaseImported;
import org.dyad.contracts.register.event.RegisterReleaseRecorded;
import org.dyad.views.model.HistoryEntry;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import static org.dyad.views.projection.BatchWrites.json;

/**
 * Builds the views of register releases: the {@link ReleaseView} folded from a release's record (recorded, then
 * each completed import) and its row in {@code views.register_release}. The deals each release lists are written with
 * the deals ({@link RegisterListings}).
 */
public final class ReleaseProjection implements RecordProjection {

    static final EventHandlers<ReleaseView> FOLD = new EventHandlers<ReleaseView>()
            .on(RegisterReleaseRecorded.class, ReleaseProjection::on)
            .on(RegisterReleaseImported.class, ReleaseProjection::on);

    private static final String UPSERT_RELEASE = """
            INSERT INTO views.register_release (release_id, register, released_on, known_from, version, doc)
            VALUES (?, ?, ?, ?, ?, ?::json)
            ON CONFLICT (release_id) DO UPDATE SET register = EXCLUDED.register, released_on = EXCLUDED.released_on,
                known_from = EXCLUDED.known_from, version = EXCLUDED.version, doc = EXCLUDED.doc""";

    @Override
    public String recordType() {
        return "release";
    }

    /** {@code null} when the release's record is retracted (or its imports came without it). */
    public static ReleaseView fold(List<HistoryEntry> history, long version) {
        ReleaseView release = new ReleaseView();
        history.stream().filter(h -> !h.retracted()).forEach(h -> FOLD.apply(h, release));
        if (release.releasedOn == null) {
            return null;
        }
        release.version = version;
        return release;
    }

    static void on(RegisterReleaseRecorded e, HistoryEntry entry, ReleaseView release) {
        release.releaseId = e.releaseId();
        release.register = e.register();
        release.releasedOn = e.releasedOn();
    }

    static void on(RegisterReleaseImported e, HistoryEntry entry, ReleaseView release) {
        release.imports.add(new ReleaseView.Import(e.jobId(), e.fileName(), e.fileSha256(), e.charset(), e.counts(),
                e.provenance().recordedAt()));
        if (release.knownFrom == null || e.provenance().recordedAt().isBefore(release.knownFrom)) {
            release.knownFrom = e.provenance().recordedAt();
        }
    }

    @Override
    public void rewrite(List<RecordHistory> releases, Set<String> newRecords, BatchWrites batch) {
        for (RecordHistory record : releases) {
            ReleaseView release = fold(record.history(), record.version());
            if (release == null) {
                batch.add("DELETE FROM views.register_release WHERE release_id = ?", record.id());
                continue;
            }
            batch.add(UPSERT_RELEASE, record.id(), release.register, Date.valueOf(release.releasedOn.earliest()),
                    release.knownFrom == null ? null : Timestamp.from(release.knownFrom), release.version,
                    json(release));
        }
    }
}
