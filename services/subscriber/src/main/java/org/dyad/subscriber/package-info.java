/**
 * What a service needs to subscribe to Dyad's event stream on Kafka (topic {@code dyad.events}, CloudEvents 1.0 in
 * binary mode, keyed by aggregate id, at-least-once, ordered per aggregate):
 * <ul>
 *     <li>{@link org.dyad.subscriber.DyadEventReader} turns a record into a typed
 *     {@link org.dyad.contracts.wire.PublishedEvent};</li>
 *     <li>{@link org.dyad.subscriber.ProcessedEvents} drops redeliveries by event id;</li>
 *     <li>{@link org.dyad.subscriber.DyadEventDispatcher} routes each event to the handler for its class;</li>
 *     <li>{@link org.dyad.subscriber.DyadSubscriber} is a ready consumer loop combining the three.</li>
 * </ul>
 * Plain Java on kafka-clients; no framework is required.
 */
package org.dyad.subscriber;
