package dev.finessesignout.simulator.xmpp;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.apache.vysper.mina.XmppIoHandlerAdapter;
import org.apache.vysper.xmpp.server.Endpoint;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;

/**
 * Vysper's client port bound to one address. Vysper's own TCPEndpoint listens on every interface and logs every
 * stanza, SASL credentials included; this one does neither. It can also stop listening and cut every session for a
 * while ({@link #disconnectAll()}, {@link #listenAgain()}) without stopping Vysper.
 */
final class LoopbackEndpoint implements Endpoint {
    private final String host;
    private final int port;
    private ServerRuntimeContext context;
    /** Null while not listening. */
    private ClientPortListener listener;
    /** The address actually bound (port 0 resolved), so that it can be bound again after an outage. */
    private volatile InetSocketAddress boundAddress;

    LoopbackEndpoint(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void setServerRuntimeContext(ServerRuntimeContext context) {
        this.context = context;
    }

    @Override
    public synchronized void start() throws IOException {
        listener = new ClientPortListener(new InetSocketAddress(host, port), handler());
        boundAddress = listener.address();
    }

    private XmppIoHandlerAdapter handler() {
        XmppIoHandlerAdapter handler = new XmppIoHandlerAdapter();
        handler.setServerRuntimeContext(context);
        return handler;
    }

    int boundPort() {
        return boundAddress.getPort();
    }

    /**
     * Stops listening (new connections are refused) and closes every client session, returning once they are closed.
     * Returns how many sessions were cut; 0 when not listening.
     */
    synchronized int disconnectAll() {
        if (listener == null) {
            return 0;
        }
        int cut = listener.close();
        listener = null;
        return cut;
    }

    /** Listens again on the same address as before {@link #disconnectAll()}. */
    synchronized void listenAgain() throws IOException {
        if (listener == null) {
            listener = new ClientPortListener(boundAddress, handler());
        }
    }

    @Override
    public void stop() {
        disconnectAll();
    }
}
