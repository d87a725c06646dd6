package dev.finessesignout.confirm;

/** Header names of the confirmation aggregator. */
public final class Correlation {
    /** The user id: requests and notifications for the same user meet in one group. */
    public static final String USER = "finesseUserId";
    /** How long the group may now wait for its next piece of evidence (milliseconds). */
    public static final String WAIT_MILLIS = "finesseWaitMillis";

    private Correlation() {
    }
}
