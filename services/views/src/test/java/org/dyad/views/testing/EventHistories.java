package org.dyad.views.testing;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.correction.event.RecordCorrected;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.contracts.embargo.EmbargoMeasure;
import org.dyad.contracts.embargo.event.EmbargoImposed;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DealSuperseded;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.DeliveryRecorded;
import org.dyad.contracts.deal.event.EstimateRecorded;
import org.dyad.contracts.deal.event.RegisterEntryRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.contracts.wire.EventCatalog;
import org.dyad.contracts.wire.PublishedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Event histories for tests of the views' writes, in the order a store publishes them, each event in its envelope
 * (id, sequence within its record, position in the store). {@link #register} is what an import of SIPRI's register
 * records: each deal's events one after another. {@link #varied} adds what analysts record over time: estimates and
 * deliveries long after the report, corrections and retractions, a deal moving to another pair, supersession,
 * agreements, statements and embargoes, and texts that need escaping.
 */
public final class EventHistories {

    private static final String[] ACTORS = {"RUS", "USA", "FRA", "CHN", "DEU", "GBR", "ISR", "ITA", "ESP", "KOR",
            "IND", "SAU", "EGY", "DZA", "PAK", "QAT", "ARE", "AUS", "TUR", "IRN", "GRC", "BRA", "IDN", "VNM"};

    private final List<PublishedEvent> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Random random;
    private Instant clock = Instant.parse("2020-01-01T00:00:00.123456Z");

    private EventHistories(long seed) {
        this.random = new Random(seed);
    }

    /** {@code deals} deals as an import of the register records them: 3 to 5 events each. */
    public static List<PublishedEvent> register(int deals, long seed) {
        EventHistories history = new EventHistories(seed);
        for (int i = 0; i < deals; i++) {
            history.importedDeal("sipri-" + seed + "-" + i);
        }
        return history.events;
    }

    /** About {@code size} events of every kind the views write rows for, the later ones amending the earlier ones. */
    public static List<PublishedEvent> varied(int size, long seed) {
        EventHistories history = new EventHistories(seed);
        history.add(RegisterEvents.recorded("2025-03-10", "2020-01-01T00:00:00Z"));
        List<String> deals = new ArrayList<>();
        List<PublishedEvent> reports = new ArrayList<>();
        int n = 0;
        while (history.events.size() < size) {
            n++;
            int kind = history.random.nextInt(20);
            if (kind < 6 || deals.isEmpty()) {
                String deal = "deal-" + seed + "-" + n;
                deals.add(deal);
                reports.add(history.importedDeal(deal));
            } else if (kind < 10) {
                String deal = deals.get(history.random.nextInt(deals.size()));
                history.add(new EstimateRecorded(deal, history.usd(), history.year(), history.provenance()));
            } else if (kind < 12) {
                String deal = deals.get(history.random.nextInt(deals.size()));
                history.add(new DeliveryRecorded(deal, Tranche.on(history.year(), List.of(new TrancheItem(
                        "T-72\tM1 \"Ural\"", 2, history.random.nextBoolean()))), history.provenance()));
            } else if (kind == 12) {
                PublishedEvent report = reports.get(history.random.nextInt(reports.size()));
                history.add(new RecordCorrected(report.aggregateId(), report.id(), "SaleReported",
                        Map.of("reportedOn", history.year().toString()), "date read again\nfrom the register",
                        history.provenance()));
            } else if (kind == 13) {
                // the report named the wrong recipient: retracted and reported anew, to another pair
                PublishedEvent report = reports.remove(history.random.nextInt(reports.size()));
                history.add(new RecordRetracted(report.aggregateId(), report.id(), "SaleReported", "wrong pair",
                        history.provenance()));
                reports.add(history.add(history.report(report.aggregateId())));
            } else if (kind == 14) {
                String deal = deals.get(history.random.nextInt(deals.size()));
                history.add(history.random.nextBoolean()
                        ? new DealCancelled(deal, history.year(), "embargo \\ sanctions", history.provenance())
                        : new ContractConcluded(deal, history.year(), null, history.provenance()));
            } else if (kind == 15 && deals.size() > 1) {
                String deal = deals.get(history.random.nextInt(deals.size()));
                String other = deals.get(history.random.nextInt(deals.size()));
                if (!deal.equals(other)) {
                    history.add(new DealSuperseded(deal, history.year(), other, history.provenance()));
                }
            } else if (kind < 18) {
                String agreement = "agreement-" + seed + "-" + n;
                List<String> parties = history.pair();
                history.add(new AgreementSigned(agreement, "Pact, \"Ürümqi\" text", AgreementKind.AGREEMENT,
                        List.of(AgreementSubject.ARMS_TRADE), parties, null, history.year(), null, true, false, null,
                        null, history.provenance()));
                history.add(new AgreementEnteredIntoForce(agreement, history.year(), parties, history.provenance()));
            } else if (kind == 19) {
                List<String> pair = history.pair();
                history.add(new EmbargoImposed("embargo-" + seed + "-" + n, pair.get(0), List.of(pair.get(1)),
                        history.year(), null, List.of(EmbargoMeasure.ARMS), List.of(WeaponCategory.AIRCRAFT),
                        "combat aircraft", "resolution\t1929", history.provenance()));
            } else {
                List<String> pair = history.pair();
                history.add(new StatementRecorded("statement-" + seed + "-" + n, pair.get(0), List.of(pair.get(1)),
                        StatementKind.PROTEST, history.year(), "condemns the sale {of} \"jets\"", null, null, null,
                        null, history.provenance()));
            }
        }
        return history.events;
    }

    /** The envelopes as the topic carries them, on one partition, from offset 0. */
    public static List<ConsumerRecord<String, CloudEvent>> records(String topic, List<PublishedEvent> events) {
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>(events.size());
        long offset = 0;
        for (PublishedEvent e : events) {
            records.add(new ConsumerRecord<>(topic, 0, offset++, e.aggregateId(), DyadCloudEvents.encode(e.id(),
                    e.aggregateId(), e.sequence(), e.position(), e.time().toInstant(), e.payload(), e.client(),
                    e.correlationId())));
        }
        return records;
    }

    private PublishedEvent importedDeal(String dealId) {
        PublishedEvent report = add(report(dealId));
        SaleReported sale = (SaleReported) report.payload();
        int deliveries = random.nextInt(3);
        for (int d = 0; d < deliveries; d++) {
            add(new DeliveryRecorded(dealId, Tranche.on(PartialDate.parse(Integer.toString(2001 + d + random.nextInt(
                    20))), List.of(new TrancheItem(sale.items().get(0).designation(), 1 + random.nextInt(8), false))),
                    provenance()));
        }
        if (deliveries > 0 && random.nextBoolean()) {
            add(new DeliveryCompleted(dealId, PartialDate.parse("2022"), provenance()));
        }
        add(new RegisterEntryRecorded(dealId, "sipri-2025-03-10", PartialDate.parse("2025-03-10"),
                events.size(), new RegisterRow(sale.recipient(), sale.supplier(), sale.reportedOn().toString(), null,
                "12", null, sale.items().get(0).designation(), "fighter aircraft", "8", "?", "2004; 2005 (8)",
                null, "ordered with 12 engines; \"Su-30MKI\" variant", "25", "300", "200"), provenance()));
        return report;
    }

    private SaleReported report(String dealId) {
        List<String> pair = pair();
        Estimate tiv = new Estimate(BigDecimal.valueOf(10 + random.nextInt(900)), null, null, "TIV",
                EstimateQualifier.ABOUT, null, null, null);
        return new SaleReported(dealId, pair.get(0), pair.get(1), List.of(DealItem.of("Su-" + random.nextInt(40),
                "fighter aircraft", 1 + random.nextInt(30))), DealStage.REPORTED, year(), null, List.of(usd(), tiv),
                provenance());
    }

    private List<String> pair() {
        int a = random.nextInt(ACTORS.length);
        int b = (a + 1 + random.nextInt(ACTORS.length - 1)) % ACTORS.length;
        return List.of(ACTORS[a], ACTORS[b]);
    }

    private PartialDate year() {
        int year = 1990 + random.nextInt(35);
        return switch (random.nextInt(3)) {
            case 0 -> PartialDate.parse(Integer.toString(year));
            case 1 -> PartialDate.parse(year + "-0" + (1 + random.nextInt(9)));
            default -> PartialDate.parse(year + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
        };
    }

    private Estimate usd() {
        return new Estimate(BigDecimal.valueOf(1_000_000L * (1 + random.nextInt(5_000))), null, null, "USD",
                EstimateQualifier.ABOUT, null, null, null);
    }

    private Provenance provenance() {
        clock = clock.plusMillis(1 + random.nextInt(5_000)).plusNanos(random.nextInt(1_000) * 1_000L);
        return new Provenance(EventFeed.SIPRI, null, clock, "importer");
    }

    private PublishedEvent add(DyadEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        long position = events.size() + 1;
        PublishedEvent published = new PublishedEvent("event-" + position + "-" + event.aggregateId(),
                EventCatalog.typeOf(event.getClass()), event.aggregateId(), sequence, position,
                event.provenance().recordedAt().atOffset(ZoneOffset.UTC), event, "client\t1",
                "correlation-" + position);
        events.add(published);
        return published;
    }
}
