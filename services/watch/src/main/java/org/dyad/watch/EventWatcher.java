package org.dyad.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.contracts.wire.UnreadableEventException;
import org.dyad.subscriber.DyadEventReader;
import org.dyad.subscriber.UnknownEventTypeException;
import org.dyad.support.web.UserFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Matches the event topic against the watchlists. Each poll's records are handled in one database transaction: what
 * each record is about ({@link WatchedRecords}, with the sequence number of its last event read; read, locked and
 * written once per poll), the alerts raised and their webhook deliveries. An event at or below its record's last sequence number was read before (Kafka
 * delivers at least once) and is passed over; an alert is inserted only if its watchlist has none for the event
 * ({@code ON CONFLICT DO NOTHING} on the unique key), so each match raises one alert whatever is delivered twice. The
 * group's offsets are committed after the transaction. New alerts go to their owner's live feed once committed.
 */
@Component
class EventWatcher {

    static final String ID = "dyad-watch";
    private static final Logger log = LoggerFactory.getLogger(EventWatcher.class);

    private final WatchedRecords records;
    private final Watchlists watchlists;
    private final Alerts alerts;
    private final WebhookDeliveries deliveries;
    private final TransactionTemplate transaction;
    private final ObjectProvider<UserFeed> feed;
    private final ObjectMapper json;

    EventWatcher(WatchedRecords records, Watchlists watchlists, Alerts alerts, WebhookDeliveries deliveries,
                 TransactionTemplate transaction, ObjectProvider<UserFeed> feed, ObjectMapper json) {
        this.records = records;
        this.watchlists = watchlists;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.transaction = transaction;
        this.feed = feed;
        this.json = json;
    }

    @KafkaListener(id = ID, topics = "${dyad.watch.topic:dyad.events}",
            containerFactory = WatchConfiguration.CONTAINER_FACTORY)
    void onRecords(List<ConsumerRecord<String, byte[]>> batch) {
        List<PublishedEvent> events = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            read(record).filter(event -> event.aggregateId() != null).ifPresent(events::add);
        }
        List<Alert> raised = transaction.execute(tx -> watch(events));
        UserFeed userFeed = feed.getIfAvailable();
        if (userFeed != null && raised != null) {
            for (Alert alert : raised) {
                userFeed.push(alert.owner(), "alert", alert.toJson(json).toString());
            }
        }
    }

    /**
     * Follows each record through the poll's events in their order (a record's events share a partition) and
     * matches each event against the watchlists. The poll's records are read and locked with one query and written
     * back with one batch, whatever the number of events per record.
     */
    private List<Alert> watch(List<PublishedEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Watchlist> all = watchlists.all();
        Map<String, WatchedRecord> known = records.lock(events.stream().map(PublishedEvent::aggregateId)
                .collect(Collectors.toCollection(TreeSet::new)));
        Map<String, WatchedRecord> followed = new LinkedHashMap<>();
        List<Alert> fresh = new ArrayList<>();
        for (PublishedEvent event : events) {
            WatchedRecord before = known.get(event.aggregateId());
            if (before != null && event.sequence() <= before.lastSequence()) {
                log.debug("Event {} of {} was read before; passed over", event.id(), event.aggregateId());
                continue;
            }
            EventFacts facts = RecordTracker.follow(before, event);
            known.put(event.aggregateId(), facts.record());
            followed.put(event.aggregateId(), facts.record());
            fresh.addAll(alertsFor(event, facts, all));
        }
        records.save(followed.values());
        return fresh;
    }

    private List<Alert> alertsFor(PublishedEvent event, EventFacts facts, List<Watchlist> all) {
        List<Alert> fresh = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Watchlist watchlist : all) {
            if (!watchlist.watches(facts)) {
                continue;
            }
            WatchedRecord record = facts.record();
            Alert alert = new Alert(Alert.idOf(watchlist.id(), event.id()), watchlist.id(), watchlist.name(),
                    watchlist.owner(), event.id(), facts.eventName(), record.recordId(), record.kind(),
                    event.time() != null ? event.time() : now, record.actors(), AlertSummary.of(facts),
                    AlertSummary.link(record), now, null);
            if (alerts.insert(alert)) {
                fresh.add(alert);
                if (watchlist.webhookUrl() != null) {
                    deliveries.enqueue(alert, watchlist.webhookUrl(), alert.toJson(json).toString());
                }
            }
        }
        return fresh;
    }

    private static Optional<PublishedEvent> read(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(DyadEventReader.read(record));
        } catch (UnknownEventTypeException e) {
            log.debug("Passing over {}: {}", record.offset(), e.getMessage());
        } catch (UnreadableEventException e) {
            log.warn("Watchlists pass over unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
        return Optional.empty();
    }
}
