package dev.finessesignout.confirm;

import java.util.function.BooleanSupplier;

/**
 * Just after start, the first sign-outs wait until the notification listener has subscribed (at most a set time), so
 * that their notifications are heard rather than published to nobody; later sign-outs never wait here.
 */
public class ListenerStartup {
    private static final long POLL_MILLIS = 50;
    private final BooleanSupplier listening;
    private final long waitMillis;
    private volatile boolean over;
    private volatile long deadline;

    /** @param waitMillis 0 when there is no listener to wait for */
    public ListenerStartup(BooleanSupplier listening, long waitMillis) {
        this.listening = listening;
        this.waitMillis = waitMillis;
        this.over = waitMillis <= 0;
    }

    public void await() throws InterruptedException {
        if (over) {
            return;
        }
        synchronized (this) {
            if (deadline == 0) {
                deadline = System.currentTimeMillis() + waitMillis;
            }
        }
        while (!listening.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
        over = true;
    }
}
