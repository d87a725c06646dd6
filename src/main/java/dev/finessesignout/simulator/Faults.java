package dev.finessesignout.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Faults a simulated node shows on demand (refused connections are the node's own switch). */
public final class Faults {
    private volatile long latencyMillis;
    private volatile Instant unavailableUntil = Instant.MIN;
    private final AtomicInteger serverErrors = new AtomicInteger();
    private volatile boolean redirectToHttps;
    private final AtomicInteger asyncFailures = new AtomicInteger();

    /** The admin API's view of the faults; null fields are left as they are. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(Long latencyMillis, Long unavailableForMillis, Integer serverErrors, Boolean refuseConnections,
            Boolean redirectToHttps, Integer asyncFailures) {
    }

    public Faults latency(Duration latency) {
        latencyMillis = latency.toMillis();
        return this;
    }

    /** Answer 503 (SystemInfo: OUT_OF_SERVICE) for this long from now. */
    public Faults unavailableFor(Duration window) {
        unavailableUntil = Instant.now().plus(window);
        return this;
    }

    /** Answer 500 to the next {@code count} Finesse calls. */
    public Faults serverErrors(int count) {
        serverErrors.set(count);
        return this;
    }

    /** Answer every call on the HTTP port with 301 to the HTTPS port, as Finesse 12.5 and later do. */
    public Faults redirectToHttps(boolean on) {
        redirectToHttps = on;
        return this;
    }

    /** The next {@code count} state changes answer 202, change nothing, and are refused in an apiErrors notification. */
    public Faults asyncFailures(int count) {
        asyncFailures.set(count);
        return this;
    }

    public void clear() {
        latencyMillis = 0;
        unavailableUntil = Instant.MIN;
        serverErrors.set(0);
        redirectToHttps = false;
        asyncFailures.set(0);
    }

    void apply(Spec spec) {
        if (spec.latencyMillis() != null) {
            latency(Duration.ofMillis(spec.latencyMillis()));
        }
        if (spec.unavailableForMillis() != null) {
            unavailableFor(Duration.ofMillis(spec.unavailableForMillis()));
        }
        if (spec.serverErrors() != null) {
            serverErrors(spec.serverErrors());
        }
        if (spec.redirectToHttps() != null) {
            redirectToHttps(spec.redirectToHttps());
        }
        if (spec.asyncFailures() != null) {
            asyncFailures(spec.asyncFailures());
        }
    }

    long latencyMillis() {
        return latencyMillis;
    }

    boolean unavailable() {
        return Instant.now().isBefore(unavailableUntil);
    }

    boolean takeServerError() {
        return serverErrors.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    boolean takeAsyncFailure() {
        return asyncFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    boolean redirectsToHttps() {
        return redirectToHttps;
    }
}
