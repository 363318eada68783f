package org.dangjian.runtime.config;

import java.util.UUID;

/**
 * Who this instance of a service is, the same across its restarts: {@code dangjian.instance.id}
 * ({@code DANGJIAN_INSTANCE_ID}) when set, else {@code <host name>:<server port>} (two processes cannot serve one port
 * on one host, and a container keeps its host name across restarts). An instance on a random port ({@code 0}, tests)
 * has no stable identity and gets a random one.
 *
 * <p>A restarted instance takes back at once what its former self held instead of waiting for it to expire: the
 * publication relay's lease (the owner is this identity), and its consumers' places in their groups (Kafka static
 * membership, {@code group.instance.id}), so no rebalance waits for the dead process's session to time out. Two live
 * processes must never share an identity: set {@code DANGJIAN_INSTANCE_ID} per instance where host name and port do
 * not tell them apart.
 *
 * @param stable whether the identity survives a restart (and so may be used for static group membership)
 */
public record InstanceIdentity(String id, boolean stable) {

    /**
     * The consumer's {@code group.instance.id}: {@code <service>-<consumer>.<id>}, every character Kafka does not
     * allow there (it allows letters, digits, {@code .}, {@code _} and {@code -}) written as {@code _}.
     */
    public String groupInstanceId(String service, String consumer) {
        return (service + "-" + consumer + "." + id).replaceAll("[^a-zA-Z0-9._-]", "_");
    }

    static InstanceIdentity of(String configured, String hostName, String serverPort) {
        if (configured != null && !configured.isBlank()) {
            return new InstanceIdentity(configured.strip(), true);
        }
        if (serverPort == null || serverPort.isBlank() || "0".equals(serverPort.strip())) {
            return new InstanceIdentity(hostName + ":" + UUID.randomUUID(), false);
        }
        return new InstanceIdentity(hostName + ":" + serverPort.strip(), true);
    }
}
