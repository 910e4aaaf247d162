package org.dyad.ledger.publication;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher's processor: one thread, one segment (so events leave in store order), starting at the tail of the
 * store with a plain token. Axon's default initial token is a replay token, during which a handler that does not
 * support replay is skipped; that would silently drop every event stored before the first start.
 */
@Configuration
public class PublisherProcessorConfiguration {

    @Autowired
    void configurePublisher(EventProcessingConfigurer processing, PublicationProperties properties) {
        processing.registerTrackingEventProcessor(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                // A failed send must stop the processor and retry, never log and move on.
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
