package dev.finessesignout.signout;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once Finesse refuses the service account itself (401 Authorization Failure: wrong password or no supervisor role),
 * no further request is sent with it: five wrong passwords in a row lock the account, and a bulk file would do that in
 * seconds. The guard holds until the bundle restarts with corrected credentials.
 */
public class CredentialsGuard {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsGuard.class);

    private final AtomicReference<String> refusal = new AtomicReference<>();

    /** Finishes the request as REJECTED, unsent, when the account was refused before. */
    public void check(Exchange exchange) {
        String reason = refusal.get();
        if (reason != null) {
            exchange.getProperty(Signout.PROPERTY, Signout.class).finish(Outcome.REJECTED,
                    "not sent: " + reason + "; correct finesse.username / finesse.password and restart");
        }
    }

    void refused(String username, String requestId) {
        String reason = "Finesse refused the credentials of service account " + username + " (request " + requestId
                + "), so no further request is sent with them to avoid locking the account";
        if (refusal.compareAndSet(null, reason)) {
            LOG.error(reason);
        }
    }

    public boolean isRefused() {
        return refusal.get() != null;
    }
}
