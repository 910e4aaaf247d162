package org.dyad.views.ingest;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.views.ViewsConfiguration;
import org.dyad.views.projection.ViewTables;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Subscribes the views to the event topic. Each poll's records are applied in one database transaction; the
 * consumer group's offsets are committed after it, so a crash re-delivers (and the projector ignores) what was
 * already applied.
 */
@Component
public class EventTopicListener {

    /** The listener container's id, e.g. to pause it while a rebuild takes over. */
    public static final String ID = "dyad-views";

    private final RecordBatchApplier applier;

    EventTopicListener(ViewTables liveViewTables, TransactionTemplate transaction) {
        this.applier = new RecordBatchApplier(liveViewTables, transaction);
    }

    @KafkaListener(id = ID, topics = "${dyad.views.topic:dyad.events}",
            containerFactory = ViewsConfiguration.CONTAINER_FACTORY)
    void onRecords(List<ConsumerRecord<String, CloudEvent>> records) {
        applier.apply(records);
    }
}
