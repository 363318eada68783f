package org.dangjian.contracts.subscriptions;

/** How a subscription's events reach the department (投递方式). */
public enum DeliveryChannel {
    /** 服务器推送: the department holds a server-sent-events stream open and resumes it with {@code Last-Event-ID}. */
    SSE,
    /** 回调: the platform posts each event to the department's URL, signed with HMAC-SHA256, retried with backoff. */
    WEBHOOK,
    /**
     * Kafka 主题: the platform writes each event to a topic of the subscription's own
     * ({@code dangjian.deliveries.<department>.<subscription id>}), which the department's Kafka consumer reads (with the
     * deployment's ACLs, that topic only).
     */
    KAFKA
}
