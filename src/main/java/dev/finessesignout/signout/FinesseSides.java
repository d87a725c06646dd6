package dev.finessesignout.signout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Finesse node in use, side A or side B, for REST calls and the notification listener together: the contract
 * wants a client on one node at a time. It starts on side A and moves only when the node in use failed and the other
 * one answered, so it stays with a healthy node (sticky) and never flaps while both are down.
 */
public class FinesseSides {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseSides.class);
    public static final String A = "A";
    public static final String B = "B";

    private final List<Consumer<String>> followers = new CopyOnWriteArrayList<>();
    private volatile String active = A;

    public String active() {
        return active;
    }

    public static String otherThan(String side) {
        return A.equals(side) ? B : A;
    }

    /** Told when the node in use changes (with the new side), on the thread that changed it. */
    public void onMove(Consumer<String> follower) {
        followers.add(follower);
    }

    /** This side answered a REST call that the other side did not: it is the one in use from now on. */
    public void tookOver(String side) {
        moveTo(side, "side " + otherThan(side) + " did not answer a REST call and side " + side + " did");
    }

    /** Moves REST calls and the listener to {@code side}, saying why; does nothing when it is already in use. */
    public void moveTo(String side, String reason) {
        synchronized (this) {
            if (side.equals(active)) {
                return;
            }
            active = side;
        }
        LOG.warn("Finesse failover: REST calls and the notification listener move to side {}: {}", side, reason);
        followers.forEach(follower -> follower.accept(side));
    }
}
