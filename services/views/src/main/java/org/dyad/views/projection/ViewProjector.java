package org.dyad.views.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.dyad.contracts.agreement.AgreementSigned;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.SaleReported;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.contracts.wire.PublishedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Applies published events to the views. A batch is applied in one transaction; each event first advances its
 * aggregate's applied version, and an event whose sequence is not above it (a redelivery or a replay) changes
 * nothing.
 */
@Component
public class ViewProjector {

    private static final String ADVANCE_VERSION = """
            INSERT INTO views.applied_version (aggregate_id, version, position) VALUES (?, ?, ?)
            ON CONFLICT (aggregate_id) DO UPDATE SET version = EXCLUDED.version, position = EXCLUDED.position,
                applied_at = now()
            WHERE views.applied_version.version < EXCLUDED.version""";

    private final JdbcTemplate jdbc;

    public ViewProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies the events in order; returns how many changed the views (the rest were duplicates). */
    @Transactional
    public int apply(List<PublishedEvent> events) {
        int applied = 0;
        for (PublishedEvent event : events) {
            if (jdbc.update(ADVANCE_VERSION, event.aggregateId(), event.sequence(), event.position()) == 0) {
                continue;
            }
            applied++;
            if (event.payload() instanceof AgreementSigned e) {
                on(e, event);
            } else if (event.payload() instanceof SaleReported e) {
                on(e, event);
            } else {
                throw new IllegalStateException("no projection for " + event.type());
            }
        }
        return applied;
    }

    private void on(AgreementSigned e, PublishedEvent event) {
        jdbc.update("""
                        INSERT INTO views.agreement (agreement_id, title, kind, subjects, signed_on, signed_on_earliest,
                            place, version, recorded_at)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""",
                e.agreementId(), e.title(), e.kind().name(), json(e.subjects()), e.signedOn().toString(),
                Date.valueOf(e.signedOn().earliest()), e.place(), event.sequence(), ts(e.recordedAt()));
        for (String party : e.parties()) {
            jdbc.update("INSERT INTO views.agreement_party (agreement_id, party, status) VALUES (?, ?, 'SIGNED')",
                    e.agreementId(), party);
        }
        recordSource(e.agreementId(), event.id(), e.source(), e.recordedAt());
        List<String> parties = e.parties();
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) {
                touchRelationship(parties.get(i), parties.get(j), e.signedOn(), 1, 0);
            }
        }
    }

    private void on(SaleReported e, PublishedEvent event) {
        jdbc.update("""
                        INSERT INTO views.deal (deal_id, supplier, recipient, stage, pending, items, reported_on,
                            reported_on_earliest, version, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""",
                e.dealId(), e.supplier(), e.recipient(), e.stage().name(), e.stage().isPending(), json(e.items()),
                e.reportedOn().toString(), Date.valueOf(e.reportedOn().earliest()), event.sequence(),
                ts(e.recordedAt()));
        recordSource(e.dealId(), event.id(), e.source(), e.recordedAt());
        if (e.estimate() != null) {
            recordEstimate(e.dealId(), event, e.estimate(), e.source(), e.recordedAt());
        }
        touchRelationship(e.supplier(), e.recipient(), e.reportedOn(), 0, 1);
    }

    private void recordSource(String aggregateId, String eventId, Source source, Instant recordedAt) {
        jdbc.update("""
                        INSERT INTO views.record_source (aggregate_id, event_id, source, source_key, recorded_at)
                        VALUES (?, ?, ?::jsonb, ?, ?)""",
                aggregateId, eventId, json(source), sourceKey(source), ts(recordedAt));
    }

    private void recordEstimate(String dealId, PublishedEvent event, Estimate estimate, Source source,
                                Instant recordedAt) {
        jdbc.update("""
                        INSERT INTO views.deal_estimate (event_id, deal_id, estimate, currency, basis, low, high,
                            source, source_key, recorded_at, position)
                        VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                event.id(), dealId, json(estimate), estimate.currency(), estimate.basis().name(),
                estimate.lowerBound(), estimate.upperBound(), json(source), sourceKey(source), ts(recordedAt),
                event.position());
    }

    /** Adds to the pair's counts and widens its first/last dates; the pair is stored in alphabetical order. */
    private void touchRelationship(String x, String y, PartialDate on, int agreements, int deals) {
        String a = x.compareTo(y) < 0 ? x : y;
        String b = x.compareTo(y) < 0 ? y : x;
        Date earliest = Date.valueOf(on.earliest());
        jdbc.update("""
                        INSERT INTO views.relationship AS r (party_a, party_b, agreements, deals, first_event_on,
                            first_event_earliest, last_event_on, last_event_earliest)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (party_a, party_b) DO UPDATE SET
                            agreements = r.agreements + EXCLUDED.agreements,
                            deals = r.deals + EXCLUDED.deals,
                            first_event_on = CASE WHEN EXCLUDED.first_event_earliest < r.first_event_earliest
                                THEN EXCLUDED.first_event_on ELSE r.first_event_on END,
                            first_event_earliest = LEAST(r.first_event_earliest, EXCLUDED.first_event_earliest),
                            last_event_on = CASE WHEN EXCLUDED.last_event_earliest > r.last_event_earliest
                                THEN EXCLUDED.last_event_on ELSE r.last_event_on END,
                            last_event_earliest = GREATEST(r.last_event_earliest, EXCLUDED.last_event_earliest)""",
                a, b, agreements, deals, on.toString(), earliest, on.toString(), earliest);
    }

    /** Identifies a source across reports: the same publisher, title and URL are the same source. */
    static String sourceKey(Source source) {
        return (source.publisher() + "|" + source.title() + "|" + (source.url() == null ? "" : source.url()))
                .toLowerCase(Locale.ROOT);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static String json(Object value) {
        try {
            return DyadJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
