package org.dangjian.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a free local TCP port (released at once; a port may be taken again before use, which is rare locally). */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} different free ports: each is held until all are picked, so none is picked twice. */
    public static java.util.Deque<Integer> pick(int count) {
        java.util.List<ServerSocket> held = new java.util.ArrayList<>();
        java.util.Deque<Integer> ports = new java.util.ArrayDeque<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free local ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // released anyway when the process ends
                }
            }
        }
    }
}
