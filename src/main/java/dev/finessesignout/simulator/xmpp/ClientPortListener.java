package dev.finessesignout.simulator.xmpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.core.service.IoHandler;
import org.apache.mina.core.service.SimpleIoProcessorPool;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.nio.NioProcessor;
import org.apache.mina.transport.socket.nio.NioSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.vysper.mina.codec.XMPPProtocolCodecFactory;

/**
 * The XMPP client port listening once, from bind to {@link #close()}: a MINA 2.0.2 acceptor with threads of its own.
 * <p>
 * Own threads, because of how that MINA closes a server socket: unbinding only cancels its selection key, and Java
 * closes a registered socket at the selector's next select. That select comes from a last run of the acceptor's
 * thread at dispose; with a thread pool of MINA's own, dispose may cancel that run before it starts (shutdownNow), and
 * the port keeps taking connections that nobody answers. With the pool here, dispose does not touch it, and
 * {@link #close()} waits for that last run.
 */
final class ClientPortListener {
    /** How long to wait for MINA to close one session, or for the acceptor's last run; both are quick. */
    private static final long WAIT_MILLIS = 5_000;
    private final ExecutorService acceptorThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "xmpp-acceptor");
        thread.setDaemon(true);
        return thread;
    });
    private final SimpleIoProcessorPool<NioSession> processors = new SimpleIoProcessorPool<>(NioProcessor.class);
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor(acceptorThread, processors);

    ClientPortListener(InetSocketAddress address, IoHandler handler) throws IOException {
        DefaultIoFilterChainBuilder filters = new DefaultIoFilterChainBuilder();
        filters.addLast("xmppCodec", new ProtocolCodecFilter(new XMPPProtocolCodecFactory()));
        acceptor.setFilterChainBuilder(filters);
        acceptor.setHandler(handler);
        // lets the same port be bound again at once after an outage, despite connections in TIME_WAIT
        acceptor.setReuseAddress(true);
        try {
            acceptor.bind(address);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) acceptor.getLocalAddress();
    }

    /**
     * Stops listening (new connections are refused) and closes every session, returning once MINA has closed them:
     * Vysper has then ended each XMPP session (sessionClosed). Returns how many sessions were cut.
     */
    int close() {
        // taken first: unbinding closes the sessions too and empties this map
        List<IoSession> sessions = List.copyOf(acceptor.getManagedSessions().values());
        acceptor.unbind();
        for (IoSession session : sessions) {
            // MINA 2.0.2: close(true) is what later versions call closeNow()
            session.close(true).awaitUninterruptibly(WAIT_MILLIS);
        }
        acceptor.dispose();
        acceptorThread.shutdown();
        try {
            acceptorThread.awaitTermination(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        processors.dispose();
        return sessions.size();
    }
}
