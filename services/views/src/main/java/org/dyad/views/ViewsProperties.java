package org.dyad.views;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the read side subscribes. The brokers and the consumers' security come from {@code spring.kafka.*}
 * ({@link ViewsConsumerSettings}).
 *
 * @param topic            the event topic
 * @param consumerGroup    the consumer group; instances of the read side share the topic's partitions through it
 * @param concurrency      consumer threads in this instance
 * @param answerCacheMib   memory for answers kept until records naming their actors change
 *                         ({@link org.dyad.views.query.AnswerCache}); 0 keeps none
 */
@ConfigurationProperties("dyad.views")
public record ViewsProperties(
        @DefaultValue("dyad.events") String topic,
        @DefaultValue("dyad-views") String consumerGroup,
        @DefaultValue("1") int concurrency,
        @DefaultValue("64") int answerCacheMib) {
}
