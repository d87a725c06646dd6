package dev.finessesignout.signout;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.finessesignout.model.SystemInfo;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract's other half of "a node is usable": its notification service takes the listener's login. When the
 * listener has not been able to log in and subscribe on the node in use for confirm.listener.failover-after (the
 * service refuses connections, or is gone), and the other node's SystemInfo says IN_SERVICE, REST calls and the
 * listener move there. REST calls alone move on their own at a 503 or a refused connection (route finesse-failover).
 */
public class FinesseSideCheck {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseSideCheck.class);
    private final FinesseSides sides;
    private final ProducerTemplate template;
    private final Supplier<String> listeningSide;
    private final Supplier<Optional<Duration>> notListeningFor;
    private final BooleanSupplier credentialsRefused;
    private final Duration failoverAfter;
    private volatile String lastSaid;

    public FinesseSideCheck(FinesseSides sides, ProducerTemplate template, Supplier<String> listeningSide,
            Supplier<Optional<Duration>> notListeningFor, BooleanSupplier credentialsRefused, Duration failoverAfter) {
        this.sides = sides;
        this.listeningSide = listeningSide;
        this.template = template;
        this.notListeningFor = notListeningFor;
        this.credentialsRefused = credentialsRefused;
        this.failoverAfter = failoverAfter;
    }

    public void check() {
        String from = sides.active();
        Optional<Duration> down = notListeningFor.get();
        // a refused service account would be refused on the other node too, and count towards its lock-out there;
        // while the listener is still on its way to the node in use, there is nothing to judge yet
        if (down.isEmpty() || down.get().compareTo(failoverAfter) < 0 || credentialsRefused.getAsBoolean()
                || !from.equals(listeningSide.get())) {
            lastSaid = null;
            return;
        }
        String to = FinesseSides.otherThan(from);
        String reason = "the notification service of side " + from + " has not let the listener in for "
                + down.get().toSeconds() + " s";
        String status = status(to);
        if (SystemInfo.IN_SERVICE.equals(status)) {
            sides.moveTo(to, reason + ", and side " + to + " is IN_SERVICE");
        } else {
            say(reason + ", but side " + to + " is " + status + ": staying on side " + from);
        }
    }

    /** A node's SystemInfo status, UNAVAILABLE when it does not answer, or why it was not asked. */
    public String status(String side) {
        Exchange answer = template.send("direct:finesse-system-info", exchange -> exchange.setProperty("finesseSide",
                side));
        Exception failed = answer.getException();
        return failed != null ? "not known (" + failed.getMessage() + ")" : answer.getMessage().getBody(String.class);
    }

    /** Said once per state, not at every check. */
    private void say(String message) {
        if (!message.equals(lastSaid)) {
            lastSaid = message;
            LOG.warn("Finesse failover: {}", message);
        }
    }
}
