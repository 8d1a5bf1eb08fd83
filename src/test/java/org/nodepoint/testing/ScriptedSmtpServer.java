package org.nodepoint.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A misbehaving SMTP server on a free port of 127.0.0.1 for tests: each connection runs the given
 * conversation on a thread of its own. Closing the server closes every connection.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** What the server writes and reads on one connection, which closes when it returns. */
    @FunctionalInterface
    public interface Conversation {
        void run(Socket client, BufferedReader in, Writer out) throws IOException;
    }

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    public ScriptedSmtpServer(Conversation conversation) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> acceptAll(conversation));
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptAll(Conversation conversation) {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            clients.add(client);
            threads.execute(() -> converse(client, conversation));
        }
    }

    private static void converse(Socket client, Conversation conversation) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
            conversation.run(client, in, out);
        } catch (SocketException ended) {
            // The client or close() ended the connection.
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    /** Writes one reply line with the CRLF that SMTP requires. */
    public static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket client : clients) {
            client.close();
        }
        threads.shutdownNow();
    }
}
