package dev.finessesignout.signout;

import java.time.Instant;
import java.util.Set;

import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.User;
import dev.finessesignout.request.OnCall;
import dev.finessesignout.request.SignoutRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The {@code defer} policy of scheduled requests: GET User before the sign-out tells whether the agent is on a call;
 * if so, the request waits (it goes back to the queue for a later check) until the call ends or its limit passes.
 */
public class OnCallPolicy {
    /** States in which an agent is on, or about to take, a call. */
    public static final Set<String> ON_A_CALL = Set.of("TALKING", "HOLD", "RESERVED", "RESERVED_OUTBOUND",
            "RESERVED_OUTBOUND_PREVIEW");
    private final FinesseXml xml;
    private final long checkIntervalMillis;

    public OnCallPolicy(FinesseXml xml, long checkIntervalMillis) {
        this.xml = xml;
        this.checkIntervalMillis = checkIntervalMillis;
    }

    /** When a deferred request is delivered again for its next check (epoch milliseconds). */
    public long nextCheckAt() {
        return System.currentTimeMillis() + checkIntervalMillis;
    }

    public boolean defers(@ExchangeProperty(Signout.PROPERTY) Signout signout) {
        OnCall onCall = signout.getRequest().onCall();
        return onCall != null && onCall.defers();
    }

    /**
     * Reads the answer to GET User: true when the request must wait again. Otherwise it goes on now (the call ended,
     * the limit passed, or the state is unknown: the sign-out itself then tells).
     */
    public boolean waitAgain(Exchange exchange) {
        Signout signout = exchange.getProperty(Signout.PROPERTY, Signout.class);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            return false;
        }
        String state;
        try {
            state = xml.read(exchange.getIn().getBody(String.class), User.class).getState();
        } catch (RuntimeException unreadable) {
            return false;
        }
        if (!ON_A_CALL.contains(state)) {
            return false;
        }
        SignoutRequest request = signout.getRequest();
        OnCall onCall = request.onCall().deferred(state);
        boolean waits = onCall.deferUntil() != null && Instant.now().isBefore(onCall.deferUntil());
        signout.setRequest(request.withOnCall(waits ? onCall : onCall.pastLimit()));
        return waits;
    }
}
