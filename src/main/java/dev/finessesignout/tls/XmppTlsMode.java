package dev.finessesignout.tls;

import java.util.Locale;

/** How a client's XMPP session is encrypted; TLS either way. */
public enum XmppTlsMode {
    /** Plain TCP that turns to TLS at the server's STARTTLS (port 5222 on Finesse). */
    STARTTLS,
    /** TLS from the first byte, XMPP over TLS (port 5223 on Finesse). */
    DIRECT;

    /** {@code starttls} or {@code direct}, in any letter case. */
    public static XmppTlsMode of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("XMPP TLS mode '" + name + "': starttls or direct", e);
        }
    }
}
