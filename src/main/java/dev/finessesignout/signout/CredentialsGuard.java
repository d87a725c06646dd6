package dev.finessesignout.signout;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once Finesse refuses the service account's credentials (any 401 but {@code Invalid Supervisor} and {@code Invalid
 * Authorization User Specified}, which are about what the account may do to a user: a wrong password, a locked
 * account, or an answer that cannot be read), no further call is made with it: five wrong passwords in a
 * row lock the account, and a bulk file would do that in seconds. Checked before every call, retries included; it
 * holds until the bundle restarts with corrected credentials.
 */
public class CredentialsGuard {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsGuard.class);

    private final AtomicReference<String> refusal = new AtomicReference<>();

    /** Throws when the account was refused before, so that the call is not made. */
    public void check() {
        String reason = refusal.get();
        if (reason != null) {
            throw new CredentialsRefusedException("not sent: " + reason
                    + "; correct finesse.username / finesse.password and restart");
        }
    }

    void refused(String username, String requestId) {
        String reason = "Finesse refused the credentials of service account " + username + " (request " + requestId
                + "), so no further request is sent with them to avoid locking the account";
        if (refusal.compareAndSet(null, reason)) {
            LOG.error(reason);
        }
    }

    /** Finesse refused a login of the service account elsewhere (its XMPP notification service). */
    public void refusedLogin(String username, String where) {
        String reason = where + " refused the credentials of service account " + username
                + ", so no further request or login is made with them to avoid locking the account";
        if (refusal.compareAndSet(null, reason)) {
            LOG.error(reason);
        }
    }

    public boolean isRefused() {
        return refusal.get() != null;
    }
}
