package org.dyad.views;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the read side subscribes.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param topic            the event topic
 * @param consumerGroup    the consumer group; instances of the read side share the topic's partitions through it
 * @param concurrency      consumer threads in this instance
 * @param answerCacheMib   memory for answers kept until records naming their actors change
 *                         ({@link org.dyad.views.query.AnswerCache}); 0 keeps none
 */
@ConfigurationProperties("dyad.views")
public record ViewsProperties(
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("dyad.events") String topic,
        @DefaultValue("dyad-views") String consumerGroup,
        @DefaultValue("1") int concurrency,
        @DefaultValue("64") int answerCacheMib) {
}
