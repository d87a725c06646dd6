package dev.finessesignout.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets that speak TLS from the first byte, for XMPP over TLS (Finesse's 5223): Smack 4.3's XMPPTCPConnection knows
 * only STARTTLS, but connects through whatever socket factory it is given (with SecurityMode.disabled, as the socket
 * is already encrypted). The context's trust manager must check the host name itself, see
 * {@link HostCheckingTrustManager}: nothing else does on such a socket.
 */
public final class DirectTlsSocketFactory extends SocketFactory {
    private final SSLSocketFactory tls;
    private final String[] protocols;

    /** @param protocols the TLS versions offered (none given: the context's defaults) */
    public DirectTlsSocketFactory(SSLContext context, String... protocols) {
        this.tls = context.getSocketFactory();
        this.protocols = protocols.clone();
    }

    /** Unconnected, as Smack connects it itself; the TLS handshake is part of that connect. */
    @Override
    public Socket createSocket() {
        return new TlsOnConnectSocket(tls, protocols);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tls.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return tls.createSocket(address, port, localAddress, localPort);
    }
}
