package org.nodepoint.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * The sockets of one SMTP conversation, closed when its deadline passes so that a read blocked on
 * them fails at once. Jakarta Mail times out each read on its own, so a server that sends a line
 * every few seconds could otherwise hold a conversation forever.
 *
 * <p>Angus Mail 2.0 opens the connection with {@link #createSocket()} of the factory that the
 * session property {@code mail.smtp.socketFactory.class} ({@code mail.smtps.socketFactory.class}
 * for SMTPS) names, and layers TLS over that socket for SMTPS and STARTTLS, so closing it ends a
 * TLS conversation too. It gets the factory by calling {@link #getDefault()} by reflection, which
 * is why this class is public. A factory instance in {@code mail.smtp.socketFactory} does not
 * reach the session that Simple Java Mail 8.12 sends with, so the conversation is found through
 * the sending thread instead.
 */
public final class ConversationSockets extends SocketFactory implements AutoCloseable {
    /** The conversation of each thread that is sending now. */
    private static final ThreadLocal<ConversationSockets> CURRENT = new ThreadLocal<>();

    private final List<Socket> sockets = new ArrayList<>();
    private boolean closed;
    private boolean expired;

    private ConversationSockets() {
    }

    /**
     * Returns the factory of the calling thread's conversation. Angus Mail calls it on the thread
     * that connects, which is the thread that called {@link #open}, because Simple Java Mail's
     * {@code sendMail(Email)} sends synchronously. Without a conversation it returns the JDK's plain factory.
     */
    public static SocketFactory getDefault() {
        ConversationSockets current = CURRENT.get();
        return current == null ? SocketFactory.getDefault() : current;
    }

    /**
     * Starts a conversation on the calling thread, until {@link #close()}, whose sockets close once
     * {@code deadline} has passed.
     */
    static ConversationSockets open(Duration deadline) {
        ConversationSockets sockets = new ConversationSockets();
        CURRENT.set(sockets);
        CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS).execute(sockets::expire);
        return sockets;
    }

    /** True when the deadline closed the sockets, so that the conversation's error is a timeout. */
    synchronized boolean expired() {
        return expired;
    }

    private synchronized void expire() {
        if (!closed) {
            expired = true;
            close();
        }
    }

    @Override
    public synchronized Socket createSocket() throws IOException {
        if (closed) {
            throw new SocketException("The SMTP conversation has ended");
        }
        Socket socket = new Socket();
        sockets.add(socket);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(createSocket(), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(createSocket(), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        return connected(socket, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        return connected(socket, new InetSocketAddress(host, port));
    }

    private static Socket connected(Socket socket, InetSocketAddress address) throws IOException {
        socket.connect(address);
        return socket;
    }

    /**
     * Closes every socket of the conversation, and ends it on the calling thread when that is the
     * thread that opened it. Later requests for a socket fail.
     */
    @Override
    public synchronized void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        closed = true;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is all that matters here, and the conversation reports its own error.
            }
        }
        sockets.clear();
    }
}
