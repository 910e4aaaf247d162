package org.dyad.app.process;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Creates Dyad's event topic as an operator would before starting instances: several partitions, kept forever. */
public final class EventTopic {

    public static final String NAME = "dyad.events";

    private EventTopic() {
    }

    public static void create(String bootstrapServers, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(NAME, partitions, (short) 1)
                            .configs(Map.of("retention.ms", "-1"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }
}
