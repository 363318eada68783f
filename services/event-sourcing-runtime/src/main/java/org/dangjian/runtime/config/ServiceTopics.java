package org.dangjian.runtime.config;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics a service publishes on: the topic of each of its event types (its topic, or its restricted topic for
 * {@linkplain org.dangjian.contracts.EventType#restricted() restricted} types), and the topics to create.
 *
 * @param topic  the service's topic
 * @param byType the topic of each of its own event types (versioned type names); a type not listed goes to {@code topic}
 * @param topics the topics to create before publishing
 */
public record ServiceTopics(String topic, Map<String, String> byType, List<NewTopic> topics) {

    public ServiceTopics {
        byType = Map.copyOf(byType);
        topics = List.copyOf(topics);
    }

    /** The topic an event of this (versioned) type is published on. */
    public String topicOf(String type) {
        return byType.getOrDefault(type, topic);
    }
}
