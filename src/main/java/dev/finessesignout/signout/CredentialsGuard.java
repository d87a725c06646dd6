package dev.finessesignout.signout;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once Finesse refuses an account's credentials (any 401 but {@code Invalid Supervisor} and {@code Invalid
 * Authorization User Specified}, which are about what the account may do to a user: a wrong password, a locked
 * account, or an answer that cannot be read), no further call is made with that account: five wrong passwords in a
 * row lock it, and a bulk file would do that in seconds. Each account stands alone: a self sign-out user's refused
 * password stops that user's requests only, never the service account's. Checked before every call, retries
 * included; it holds until the bundle restarts with corrected credentials.
 */
public class CredentialsGuard {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsGuard.class);

    /** account (user id) to the reason no call is made with it */
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    /** Throws when Finesse refused the account this call is to be made with, so that the call is not made. */
    public void check(@ExchangeProperty(FinesseAccounts.ACCOUNT) String account) {
        String reason = account == null ? null : refusals.get(account);
        if (reason != null) {
            throw new CredentialsRefusedException("not sent: " + reason);
        }
    }

    /**
     * Finesse answered a call made with the account with a 401 for its credentials.
     *
     * @param described how the account is named, e.g. "the service account svc-signout"
     * @param setting   the setting that gives its password
     */
    void refused(String account, String described, String setting, String requestId) {
        refuse(account, "Finesse refused the credentials of " + described
                + (requestId == null ? "" : " (request " + requestId + ")")
                + ", so no further request is sent with them to avoid locking the account; correct " + setting
                + " and restart");
    }

    /** Finesse refused a login of the service account elsewhere (its XMPP notification service). */
    public void refusedLogin(String username, String where) {
        refuse(username, where + " refused the credentials of service account " + username
                + ", so no further request or login is made with them to avoid locking the account; correct "
                + "finesse.username / finesse.password and restart");
    }

    public boolean isRefused(String account) {
        return refusals.containsKey(account);
    }

    private void refuse(String account, String reason) {
        if (refusals.putIfAbsent(account, reason) == null) {
            LOG.error(reason);
        }
    }
}
