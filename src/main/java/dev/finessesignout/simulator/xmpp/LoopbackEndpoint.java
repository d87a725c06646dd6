package dev.finessesignout.simulator.xmpp;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.vysper.mina.XmppIoHandlerAdapter;
import org.apache.vysper.mina.codec.XMPPProtocolCodecFactory;
import org.apache.vysper.xmpp.server.Endpoint;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;

/**
 * Vysper's client port bound to one address. Vysper's own TCPEndpoint listens on every interface and logs every
 * stanza, SASL credentials included; this one does neither.
 */
final class LoopbackEndpoint implements Endpoint {
    private final String host;
    private final int port;
    private ServerRuntimeContext context;
    private NioSocketAcceptor acceptor;

    LoopbackEndpoint(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void setServerRuntimeContext(ServerRuntimeContext context) {
        this.context = context;
    }

    @Override
    public void start() throws IOException {
        acceptor = new NioSocketAcceptor();
        DefaultIoFilterChainBuilder filters = new DefaultIoFilterChainBuilder();
        filters.addLast("xmppCodec", new ProtocolCodecFilter(new XMPPProtocolCodecFactory()));
        acceptor.setFilterChainBuilder(filters);
        XmppIoHandlerAdapter handler = new XmppIoHandlerAdapter();
        handler.setServerRuntimeContext(context);
        acceptor.setHandler(handler);
        acceptor.setReuseAddress(true);
        acceptor.bind(new InetSocketAddress(host, port));
    }

    int boundPort() {
        return ((InetSocketAddress) acceptor.getLocalAddress()).getPort();
    }

    @Override
    public void stop() {
        if (acceptor != null) {
            acceptor.unbind();
            acceptor.dispose();
        }
    }
}
