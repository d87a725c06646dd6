package dev.finessesignout.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A socket that completes its TLS handshake inside {@link #connect}: a certificate that is not trusted (or names
 * another host) fails the connect with the handshake's own exception. An SSLSocket left to shake hands at its first
 * write would fail on Smack's writer thread instead, and Smack would only report "Connection or inbound has closed".
 * Everything after the connect goes through the TLS layer.
 */
final class TlsOnConnectSocket extends Socket {
    private final SSLSocketFactory factory;
    private final String[] protocols;
    private final Socket plain = new Socket();
    private volatile SSLSocket tls;

    TlsOnConnectSocket(SSLSocketFactory factory, String[] protocols) {
        this.factory = factory;
        this.protocols = protocols;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        InetSocketAddress address = (InetSocketAddress) endpoint;
        plain.connect(address, timeout);
        SSLSocket layered = (SSLSocket) factory.createSocket(plain, address.getHostString(), address.getPort(), true);
        if (protocols.length > 0) {
            layered.setEnabledProtocols(protocols);
        }
        try {
            layered.startHandshake();
        } catch (IOException refused) {
            layered.close();
            throw refused;
        }
        tls = layered;
    }

    private SSLSocket tls() throws SocketException {
        SSLSocket layered = tls;
        if (layered == null) {
            throw new SocketException("not connected");
        }
        return layered;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return tls().getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return tls().getOutputStream();
    }

    @Override
    public synchronized void close() throws IOException {
        SSLSocket layered = tls;
        if (layered != null) {
            layered.close();
        }
        plain.close();
    }

    @Override
    public boolean isConnected() {
        return tls != null && plain.isConnected();
    }

    @Override
    public boolean isClosed() {
        SSLSocket layered = tls;
        return plain.isClosed() || layered != null && layered.isClosed();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        plain.setSoTimeout(timeout);
        SSLSocket layered = tls;
        if (layered != null) {
            layered.setSoTimeout(timeout);
        }
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return plain.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        plain.setTcpNoDelay(on);
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        plain.setKeepAlive(on);
    }

    @Override
    public void shutdownInput() throws IOException {
        tls().shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        tls().shutdownOutput();
    }

    @Override
    public InetAddress getInetAddress() {
        return plain.getInetAddress();
    }

    @Override
    public int getPort() {
        return plain.getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return plain.getRemoteSocketAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return plain.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return plain.getLocalPort();
    }

    @Override
    public String toString() {
        return "TLS over " + plain;
    }
}
