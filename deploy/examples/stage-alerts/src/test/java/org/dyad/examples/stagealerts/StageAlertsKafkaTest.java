package org.dyad.examples.stagealerts;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.deal.event.NegotiationOpened;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.examples.stagealerts.StageAlerts.Alert;
import org.dyad.subscriber.DyadEventDispatcher;
import org.dyad.subscriber.DyadSubscriber;
import org.dyad.subscriber.InMemoryProcessedEvents;
import org.dyad.subscriber.ProcessedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dyad.contracts.deal.DealStage.CONTRACTED;
import static org.dyad.contracts.deal.DealStage.NEGOTIATING;
import static org.dyad.contracts.deal.DealStage.REPORTED;

/**
 * The example against a real (embedded, KRaft) Kafka broker, with records produced the way Dyad's ledger produces
 * them: at-least-once delivery, a foreign record on the topic, restarts, and two instances sharing a group.
 */
@EmbeddedKafka(kraft = true, partitions = 3, topics = StageAlertsKafkaTest.TOPIC)
class StageAlertsKafkaTest {

    static final String TOPIC = "dyad.events";
    static final Duration WAIT = Duration.ofSeconds(60);

    static EmbeddedKafkaBroker broker;
    static Publisher publisher;

    @BeforeAll
    static void connect() {
        broker = EmbeddedKafkaCondition.getBroker();
        publisher = new Publisher(broker.getBrokersAsString());
    }

    @AfterAll
    static void disconnect() {
        publisher.close();
    }

    @Test
    void alertsArriveInOrderOnceEachAndAcrossARestart() throws Exception {
        String irn = "rus-irn-s300";
        String chn = "rus-chn-su27";
        String cyp = "rus-cyp-s300";
        Set<String> before = new LinkedHashSet<>();
        before.add(publisher.publish(TOPIC, irn, Deals.reported(irn, REPORTED, "Tor-M1", "S-300PMU1")));
        before.add(publisher.publish(TOPIC, chn, Deals.reported(chn, CONTRACTED, "Su-27SK")));
        before.add(publisher.publish(TOPIC, irn, Deals.negotiating(irn, "2001-06")));
        before.add(publisher.publish(TOPIC, cyp, Deals.reported(cyp, CONTRACTED, "S-300PMU1")));
        before.add(publisher.publish(TOPIC, irn, Deals.contracted(irn, "2007-12")));
        // Not a Dyad event, on the deal's partition, between its events
        publisher.publishGarbage(TOPIC, irn);
        before.add(publisher.publish(TOPIC, chn, Deals.delivered(chn, "1992", "Su-27SK")));
        before.add(publisher.publish(TOPIC, irn, Deals.suspended(irn, "2010-06")));
        before.add(publisher.publish(TOPIC, cyp, Deals.delivered(cyp, "1999-01", "S-300PMU1")));
        before.add(publisher.publish(TOPIC, irn, Deals.cancelled(irn, "2010-09")));
        before.add(publisher.publish(TOPIC, irn, Deals.revived(irn, "2015-04", CONTRACTED)));
        String delivery = publisher.publish(TOPIC, irn, Deals.delivered(irn, "2016-04", "S-300PMU1"));
        before.add(delivery);
        // The ledger sends a batch again when Kafka's acknowledgement was lost: same event, same id
        publisher.publishAgain(TOPIC, irn, delivery);
        before.add(publisher.publish(TOPIC, irn, Deals.delivered(irn, "2016-10", "S-300PMU1")));
        before.add(publisher.publish(TOPIC, irn, Deals.completed(irn, "2016-11")));
        before.add(publisher.publish(TOPIC, cyp, Deals.completed(cyp, "1999-03")));

        List<Alert> alerts = new CopyOnWriteArrayList<>();
        StageAlerts stageAlerts = new StageAlerts("S-300", alerts::add);

        Running first = Running.start(TOPIC, "stage-alerts", stageAlerts, new InMemoryProcessedEvents(1000));
        await().atMost(WAIT).until(() -> first.handled.size() >= before.size() && first.unreadable.size() == 1);

        assertThat(first.handled).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(before);
        assertThat(first.unreadable).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(irn);
            assertThat(record.headers().toArray()).isEmpty();
        });
        assertThat(alertsOf(alerts, irn)).containsExactly(
                "REPORTED -> NEGOTIATING on 2001-06",
                "NEGOTIATING -> CONTRACTED on 2007-12",
                "CONTRACTED -> CONTRACTED (SUSPENDED) on 2010-06",
                "CONTRACTED (SUSPENDED) -> CONTRACTED (CANCELLED) on 2010-09",
                "CONTRACTED (CANCELLED) -> CONTRACTED on 2015-04",
                "CONTRACTED -> DELIVERING on 2016-04", // once, although delivered twice
                "DELIVERING -> DELIVERED on 2016-11");
        assertThat(alertsOf(alerts, cyp)).containsExactly(
                "CONTRACTED -> DELIVERING on 1999-01",
                "DELIVERING -> DELIVERED on 1999-03");
        assertThat(alertsOf(alerts, chn)).isEmpty();

        first.stop();

        String egy = "rus-egy-s300";
        Set<String> after = new LinkedHashSet<>();
        after.add(publisher.publish(TOPIC, egy, Deals.reported(egy, NEGOTIATING, "S-300VM")));
        after.add(publisher.publish(TOPIC, egy, Deals.contracted(egy, "2014-03")));

        // A fresh dedupe store, so that only committed offsets can keep old records from being handled again
        Running second = Running.start(TOPIC, "stage-alerts", stageAlerts, new InMemoryProcessedEvents(1000));
        await().atMost(WAIT).until(() -> second.handled.size() >= after.size());
        await().during(Duration.ofSeconds(3)).atMost(WAIT)
                .until(() -> second.handled.size() == after.size() && second.unreadable.isEmpty());
        second.stop();

        assertThat(second.handled).containsExactlyElementsOf(after);
        assertThat(alertsOf(alerts, egy)).containsExactly("NEGOTIATING -> CONTRACTED on 2014-03");
    }

    @Test
    void twoInstancesInOneGroupShareThePartitionsAndSeeEachEventOnce() throws Exception {
        String topic = "dyad.events.shared";
        broker.addTopics(new NewTopic(topic, 3, (short) 1));
        ProcessedEvents processed = new InMemoryProcessedEvents(1000); // like a table both instances write to
        StageAlerts stageAlerts = new StageAlerts("S-300", alert -> { });
        Running one = Running.start(topic, "shared", stageAlerts, processed);
        Running two = Running.start(topic, "shared", stageAlerts, processed);

        Set<String> published = new LinkedHashSet<>();
        // Publish until both instances got partitions and events: the group takes a few seconds to settle
        Instant deadline = Instant.now().plus(WAIT);
        for (int round = 0; one.handled.isEmpty() || two.handled.isEmpty(); round++) {
            assertThat(Instant.now()).as("both instances handled events").isBefore(deadline);
            for (int deal = 0; deal < 12; deal++) {
                String dealId = "deal-" + round + "-" + deal;
                published.add(publisher.publish(topic, dealId, Deals.reported(dealId, REPORTED, "S-300")));
                published.add(publisher.publish(topic, dealId, Deals.contracted(dealId, "2020")));
            }
            await().atMost(WAIT).until(() -> one.handled.size() + two.handled.size() >= published.size());
            Thread.sleep(500);
        }
        one.stop();
        two.stop();

        assertThat(one.handled).isNotEmpty();
        assertThat(two.handled).isNotEmpty();
        List<String> both = new ArrayList<>(one.handled);
        both.addAll(two.handled);
        assertThat(both).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void aFailingHandlerStopsTheSubscriberAndItsEventComesAgainAfterARestart() throws Exception {
        String topic = "dyad.events.failing";
        broker.addTopics(new NewTopic(topic, 3, (short) 1));
        String deal = "rus-ind-s300";
        String reported = publisher.publish(topic, deal, Deals.reported(deal, REPORTED, "S-300"));
        String negotiating = publisher.publish(topic, deal, Deals.negotiating(deal, "2015"));
        String contracted = publisher.publish(topic, deal, Deals.contracted(deal, "2018-10"));
        ProcessedEvents processed = new InMemoryProcessedEvents(1000);
        StageAlerts stageAlerts = new StageAlerts("S-300", alert -> { });
        AtomicBoolean failNextNegotiation = new AtomicBoolean(true);

        Running failing = Running.start(topic, "failing", stageAlerts, processed, dispatcher -> dispatcher
                .on(NegotiationOpened.class, (e, event) -> {
                    if (failNextNegotiation.getAndSet(false)) {
                        throw new IllegalStateException("database down");
                    }
                }));
        failing.thread.join(WAIT.toMillis());

        assertThat(failing.failure.get()).hasMessage("database down");
        assertThat(failing.handled).containsExactly(reported);
        assertThat(committedOffsets("failing")).as("what was handled before the failure is committed")
                .containsExactly(1L);

        Running restarted = Running.start(topic, "failing", stageAlerts, processed, dispatcher -> dispatcher);
        await().atMost(WAIT).until(() -> restarted.handled.size() >= 2);
        restarted.stop();

        assertThat(restarted.handled).containsExactly(negotiating, contracted);
    }

    /** The committed offsets of a group's partitions that have one. */
    private static List<Long> committedOffsets(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .map(OffsetAndMetadata::offset).toList();
        }
    }

    private static List<String> alertsOf(List<Alert> alerts, String dealId) {
        return alerts.stream().filter(a -> a.dealId().equals(dealId))
                .map(a -> a.from() + " -> " + a.to() + " on " + a.on()).toList();
    }

    /** A subscriber running in its own thread, with what it handled and what it could not read. */
    private record Running(DyadSubscriber subscriber, Thread thread, AtomicReference<Throwable> failure,
                           List<String> handled, List<ConsumerRecord<String, byte[]>> unreadable) {

        static Running start(String topic, String group, StageAlerts stageAlerts, ProcessedEvents processed) {
            return start(topic, group, stageAlerts, processed, dispatcher -> dispatcher);
        }

        /** Starts a subscriber; {@code more} may add handlers that run before the one recording what was handled. */
        static Running start(String topic, String group, StageAlerts stageAlerts, ProcessedEvents processed,
                             UnaryOperator<DyadEventDispatcher> more) {
            List<String> handled = new CopyOnWriteArrayList<>();
            List<ConsumerRecord<String, byte[]>> unreadable = new CopyOnWriteArrayList<>();
            DyadEventDispatcher dispatcher = more.apply(stageAlerts.registerOn(new DyadEventDispatcher()))
                    .on(DyadEvent.class, (e, event) -> handled.add(event.id()));
            DyadSubscriber subscriber = DyadSubscriber.builder()
                    .bootstrapServers(broker.getBrokersAsString())
                    .groupId(group)
                    .topic(topic)
                    .dispatcher(dispatcher)
                    .processedEvents(processed)
                    .onUnreadable(unreadable::add)
                    .pollTimeout(Duration.ofMillis(200))
                    .build();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    subscriber.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "subscriber-" + group);
            thread.start();
            return new Running(subscriber, thread, failure, handled, unreadable);
        }

        void stop() throws InterruptedException {
            subscriber.close();
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("subscriber thread still running").isFalse();
            assertThat(failure.get()).as("subscriber failure").isNull();
        }
    }

    /** Produces records like Dyad's ledger: CloudEvents in binary mode, keyed by aggregate id. */
    private static final class Publisher implements AutoCloseable {

        private final KafkaProducer<String, CloudEvent> events;
        private final KafkaProducer<String, byte[]> bytes;
        private final Map<String, CloudEvent> sent = new HashMap<>();
        private final Map<String, Long> sequences = new HashMap<>();
        private long position;

        Publisher(String bootstrapServers) {
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            events = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
            bytes = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }

        /** Publishes the next event of the aggregate and answers its id. */
        String publish(String topic, String aggregateId, Object payload) throws Exception {
            String id = UUID.randomUUID().toString();
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            CloudEvent event = DyadCloudEvents.encode(id, aggregateId, sequence, position++, Instant.now(), payload);
            sent.put(id, event);
            send(events, new ProducerRecord<>(topic, aggregateId, event));
            return id;
        }

        void publishAgain(String topic, String aggregateId, String id) throws Exception {
            send(events, new ProducerRecord<>(topic, aggregateId, sent.get(id)));
        }

        void publishGarbage(String topic, String key) throws Exception {
            send(bytes, new ProducerRecord<>(topic, key, "not an event".getBytes(StandardCharsets.UTF_8)));
        }

        private static <V> void send(KafkaProducer<String, V> producer, ProducerRecord<String, V> record)
                throws ExecutionException, InterruptedException {
            producer.send(record).get(); // one at a time, so the test knows the order on each partition
        }

        @Override
        public void close() {
            events.close();
            bytes.close();
        }
    }
}
