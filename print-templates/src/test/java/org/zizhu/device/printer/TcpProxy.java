package org.zizhu.device.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay in front of the real cupsd: {@link #down()} makes CUPS unreachable for
 * the driver (connections cut, new ones refused, as while cupsd restarts) without touching the
 * shared cupsd other tests use; {@link #up()} brings it back on the same port.
 */
final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.port = s.getLocalPort();
        serve(s);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void down() {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        serve(s);
    }

    private void serve(ServerSocket s) {
        server = s;
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    if (!admit(s, client)) {
                        continue;
                    }
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    if (!admit(s, target)) {
                        closeQuietly(client);
                        continue;
                    }
                    pump(client, target);
                    pump(target, client);
                } catch (IOException e) {
                    // closed by down(), or cupsd refused: the client sees the connection end
                }
            }
        }, "tcp-proxy-" + port);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Registers a socket so {@link #down()} cuts it; under the same lock as down(), so a
     * connection accepted just before down() cannot slip through and keep CUPS reachable.
     */
    private synchronized boolean admit(ServerSocket from, Socket socket) {
        if (server != from) {
            closeQuietly(socket);
            return false;
        }
        open.add(socket);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public void close() {
        down();
    }
}
