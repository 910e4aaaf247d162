package org.dyad.subscriber;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DyadSubscriberConsumerSettingsTest {

    private static final DyadEventDispatcher NOTHING = new DyadEventDispatcher();

    /** A client configuration file, as a secured cluster's operators hand it out. */
    private static Properties clientFile() throws IOException {
        Properties client = new Properties();
        client.load(new StringReader("""
                bootstrap.servers=kafka-1:9093,kafka-2:9093
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-256
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="stage-alerts" password="secret";
                ssl.truststore.location=/etc/kafka/truststore.p12
                ssl.truststore.type=PKCS12
                max.poll.records=50
                """));
        return client;
    }

    @Test
    void aClientFileGivesTheBrokersAndTheirSecurity() throws IOException {
        DyadSubscriber subscriber = DyadSubscriber.builder().consumerProperties(clientFile())
                .groupId("stage-alerts").dispatcher(NOTHING).build();

        assertThat(subscriber.consumerConfig())
                .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"stage-alerts\" password=\"secret\";")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("max.poll.records", "50")
                .containsEntry("group.id", "stage-alerts");
    }

    @Test
    void explicitBootstrapServersWinOverTheFile() throws IOException {
        DyadSubscriber subscriber = DyadSubscriber.builder().consumerProperties(clientFile())
                .bootstrapServers("kafka-3:9093").groupId("stage-alerts").dispatcher(NOTHING).build();

        assertThat(subscriber.consumerConfig()).containsEntry("bootstrap.servers", "kafka-3:9093")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void settingsCannotWeakenTheLoopsGuarantees() throws IOException {
        Properties client = clientFile();
        client.setProperty("enable.auto.commit", "true");
        client.setProperty("group.id", "someone-else");
        client.setProperty("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");

        DyadSubscriber subscriber = DyadSubscriber.builder().consumerProperties(client)
                .groupId("stage-alerts").dispatcher(NOTHING).build();

        assertThat(subscriber.consumerConfig()).containsEntry("enable.auto.commit", false)
                .containsEntry("group.id", "stage-alerts")
                .containsEntry("value.deserializer", ByteArrayDeserializer.class);
    }

    @Test
    void withoutBrokersNoSubscriberIsBuilt() {
        assertThatThrownBy(() -> DyadSubscriber.builder().consumerProperty("security.protocol", "SASL_SSL")
                .groupId("stage-alerts").dispatcher(NOTHING).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("bootstrap.servers");
    }
}
