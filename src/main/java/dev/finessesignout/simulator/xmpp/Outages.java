package dev.finessesignout.simulator.xmpp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Outages of a notification service on demand, as when Finesse's notification server restarts: only a server the
 * simulator runs itself can have them.
 */
public interface Outages {

    /** Every client session cut now, connections refused until {@link #comeBack()}; fails when already down. */
    void goDown();

    /** Listens again on the same port, without the subscriptions clients made; nothing happens when not down. */
    void comeBack() throws IOException;

    /** Down now, back after {@code outage}; the future completes when it listens again. */
    CompletableFuture<Void> interrupt(Duration outage);
}
