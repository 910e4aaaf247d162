package org.dyad.app.process;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Who in a consumer group owns which partitions, as Kafka's admin API reports it. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Partitions per member (by client host and id), empty while the group is rebalancing. */
    public static Map<String, Set<Integer>> assignments(String bootstrapServers, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get(10, TimeUnit.SECONDS);
            Map<String, Set<Integer>> assignments = new TreeMap<>();
            if (description.state() != ConsumerGroupState.STABLE) {
                return assignments;
            }
            for (MemberDescription member : description.members()) {
                Set<Integer> partitions = new TreeSet<>();
                for (TopicPartition p : member.assignment().topicPartitions()) {
                    partitions.add(p.partition());
                }
                assignments.put(member.consumerId(), partitions);
            }
            return assignments;
        }
    }
}
