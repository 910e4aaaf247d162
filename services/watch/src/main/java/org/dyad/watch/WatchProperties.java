package org.dyad.watch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the watchlists subscribe, publish and call webhooks. The brokers and the clients' security come from
 * {@code spring.kafka.*}.
 *
 * @param topic                 the event topic
 * @param consumerGroup         the watchlists' consumer group (its own: the views' progress says nothing of theirs)
 * @param alertsTopic           the topic alerts are published to, as CloudEvents
 * @param alertsPartitions      partitions of the alerts topic when Dyad creates it
 * @param alertsReplication     replication factor of the alerts topic when Dyad creates it
 * @param publishInterval       how often alerts waiting for the alerts topic are looked for
 * @param webhook               webhook deliveries
 */
@ConfigurationProperties("dyad.watch")
public record WatchProperties(
        @DefaultValue("dyad.events") String topic,
        @DefaultValue("dyad-watch") String consumerGroup,
        @DefaultValue("dyad.alerts") String alertsTopic,
        @DefaultValue("3") int alertsPartitions,
        @DefaultValue("1") short alertsReplication,
        @DefaultValue("PT0.2S") Duration publishInterval,
        @DefaultValue Webhook webhook) {

    /**
     * @param allowedHttpHosts hosts a webhook may be called on with plain http (any other must be https)
     * @param initialBackoff   the wait after a first failed attempt; each further failure doubles it
     * @param maxBackoff       the longest wait between attempts
     * @param maxAttempts      attempts before a delivery is given up as failed
     * @param timeout          how long one attempt may take (connecting and answering)
     * @param threads          deliveries made at once
     * @param pollInterval     how often due deliveries are looked for
     */
    public record Webhook(
            @DefaultValue({}) List<String> allowedHttpHosts,
            @DefaultValue("PT5S") Duration initialBackoff,
            @DefaultValue("PT1H") Duration maxBackoff,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("PT10S") Duration timeout,
            @DefaultValue("4") int threads,
            @DefaultValue("PT0.2S") Duration pollInterval) {
    }
}
