package dev.finessesignout.signout;

import java.time.Instant;
import java.util.List;

import dev.finessesignout.model.ApiError;
import dev.finessesignout.model.ApiErrors;
import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.FinesseXmlException;
import dev.finessesignout.model.User;
import dev.finessesignout.request.Display;
import org.apache.camel.Exchange;

/**
 * Reads what a Finesse node answered and turns it into the outcome the contract's error table prescribes. Transient
 * answers are thrown as exceptions so that the failover load balancer and the error handler retry them.
 */
public class FinesseAnswers {
    public static final String NODE = "finesseNode";
    public static final String NODE_URL = "finesseUrl";

    private final FinesseXml xml;
    private final CredentialsGuard guard;
    private final FinesseAccounts accounts;
    private final boolean notReadyFirst;

    /**
     * @param notReadyFirst an agent signing itself out from READY is set NOT_READY first (signout.self.not-ready-first);
     *                      otherwise its request is REJECTED with Finesse's own error
     */
    public FinesseAnswers(FinesseXml xml, CredentialsGuard guard, FinesseAccounts accounts, boolean notReadyFirst) {
        this.xml = xml;
        this.guard = guard;
        this.accounts = accounts;
        this.notReadyFirst = notReadyFirst;
    }

    /** Before a call leaves for a node. */
    public void sending(Exchange exchange) {
        track(exchange).ifPresent(Signout::sending);
    }

    /**
     * The node did not answer: move to the other node. A call that never connected (or failed its TLS handshake) was
     * not sent; one that timed out or was cut off after connecting may have reached Finesse and counts as an attempt.
     */
    public void unreachable(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (!neverConnected(cause)) {
            track(exchange).ifPresent(signout -> signout.sentWithoutAnswer(isSignOutCall(exchange)));
        }
        throw new FinesseUnavailableException(nodeName(exchange) + " did not answer: " + describe(cause), cause);
    }

    /**
     * Records the answer; 503 moves the request to the other node, 500 is retried on this one. A 401 for the
     * credentials (not one about what the account may do to a user) stops every further call with that account.
     */
    public void answered(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        track(exchange).ifPresent(signout -> signout.answered(node(exchange), nodeUrl(exchange), status,
                isSignOutCall(exchange)));
        if (status == 401 && !isAboutTheUser(firstError(exchange))) {
            String account = exchange.getProperty(FinesseAccounts.ACCOUNT, String.class);
            guard.refused(account, accounts.describe(account), accounts.passwordSetting(account),
                    track(exchange).map(signout -> signout.getRequest().requestId()).orElse(null));
        }
        if (status == 503) {
            throw new FinesseUnavailableException(nodeName(exchange) + " answered 503 (out of service)"
                    + errorsText(exchange), null);
        }
        if (status == 500) {
            throw new FinesseServerErrorException(nodeName(exchange) + " answered 500 (server fault)" + errorsText(exchange));
        }
    }

    /** Maps the answer to {@code PUT User/{id}} state LOGOUT. */
    public void signOutAnswered(Exchange exchange) {
        Signout signout = signout(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        List<ApiError> errors = errors(exchange);
        signout.setFinesseErrors(errors);
        ApiError error = errors.isEmpty() ? new ApiError() : errors.get(0);
        String user = "user " + signout.getRequest().userId();
        if (status >= 200 && status < 300) {
            signout.finish(Outcome.ACCEPTED, "Finesse accepted the sign-out of " + user + " (" + status + ")");
        } else if (status >= 300 && status < 400) {
            signout.finish(Outcome.FAILED, redirectAdvice(exchange, status));
        } else if (status == 400 && (error.isType("Invalid State")
                || error.isType("Invalid Input") && "state".equalsIgnoreCase(trim(error.getErrorData())))) {
            signout.setStateCheckNeeded(true);
        } else if (status == 400 && error.isType("Parameter Missing")) {
            signout.finish(Outcome.REJECTED, "Finesse requires a logout reason code for " + user + " ("
                    + error.getErrorMessage() + "); give the reasonCodeId of a LOGOUT reason code");
        } else if (status == 400) {
            signout.finish(Outcome.REJECTED, "Finesse refused the request for " + user + " as invalid: " + error);
        } else if (status == 401) {
            signout.finish(Outcome.REJECTED, "Finesse does not allow " + accounts.describe(signout.getAccount())
                    + " to sign out " + user + ": " + error + " (401, never retried: five wrong passwords lock the "
                    + "account)");
        } else if (status == 404) {
            signout.finish(Outcome.REJECTED, "Finesse does not know " + user);
        } else {
            signout.finish(Outcome.FAILED, "Finesse answered an unexpected HTTP " + status + " for " + user);
        }
    }

    /** A node's status from its {@code GET SystemInfo} (IN_SERVICE, OUT_OF_SERVICE...), or "HTTP n" for another answer. */
    public String systemStatus(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            return "HTTP " + status;
        }
        return xml.read(exchange.getIn().getBody(String.class), dev.finessesignout.model.SystemInfo.class).getStatus();
    }

    /** The ids of the teams a supervisor supervises, from its {@code GET User}. */
    public java.util.List<String> supervisedTeams(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            throw new IllegalStateException("GET User of the service account answered " + status + errorsText(exchange));
        }
        User user = xml.read(exchange.getIn().getBody(String.class), User.class);
        return user.getTeams() == null ? List.of() : user.getTeams().stream().map(team -> team.getId()).toList();
    }

    /** The answer to {@code GET Team/{id}}: the team with its signed-in users; any other answer is an error. */
    public dev.finessesignout.model.Team team(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            throw new IllegalStateException("GET Team answered " + status + errorsText(exchange));
        }
        return xml.read(exchange.getIn().getBody(String.class), dev.finessesignout.model.Team.class);
    }

    /**
     * Maps the answer to {@code GET User/{id}} made after Finesse said the user is already signed out (or refused the
     * state it is in). An agent that signs itself out from READY is refused by Finesse: with notReadyFirst it is set
     * NOT_READY first, once; otherwise the request is REJECTED with Finesse's error.
     */
    public void stateChecked(Exchange exchange) {
        Signout signout = signout(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String said = signout.getFinesseErrors().isEmpty() ? "already signed out"
                : signout.getFinesseErrors().get(0).toString();
        if (status != 200) {
            signout.finish(Outcome.REJECTED, "Finesse refused the sign-out (" + said + ") and GET User answered "
                    + status + ", so it could not be confirmed that the user is signed out");
            return;
        }
        User user = xml.read(exchange.getIn().getBody(String.class), User.class);
        boolean ready = User.READY.equalsIgnoreCase(user.getState()) && user.getPendingState() == null;
        if (user.isSignedOut()) {
            signout.finish(Outcome.ALREADY_SIGNED_OUT, "user " + signout.getRequest().userId()
                    + " was already signed out; GET User shows state LOGOUT");
        } else if (ready && signout.isSelfSignout() && notReadyFirst && signout.getNotReadyAt() == null) {
            signout.notReadyFirst();
        } else {
            signout.finish(Outcome.REJECTED, "Finesse refused the sign-out (" + said + "); GET User shows state "
                    + user.getState() + (ready && signout.isSelfSignout() ? selfFromReady(signout) : ""));
        }
    }

    private String selfFromReady(Signout signout) {
        if (signout.getNotReadyAt() != null) {
            return ", although it showed NOT_READY at " + signout.getNotReadyAt() + " after the bundle set it so";
        }
        return ". An agent signs itself out only from NOT_READY: set signout.self.not-ready-first=true to have the "
                + "bundle set it NOT_READY first";
    }

    /** Maps the answer to {@code PUT User/{id}} state NOT_READY, sent before an agent's own sign-out. */
    public void notReadyAnswered(Exchange exchange) {
        Signout signout = signout(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            return;
        }
        List<ApiError> errors = errors(exchange);
        signout.setFinesseErrors(errors);
        String user = "user " + signout.getRequest().userId();
        if (status >= 300 && status < 400) {
            signout.finish(Outcome.FAILED, redirectAdvice(exchange, status));
        } else {
            signout.finish(Outcome.REJECTED, "Finesse refused to set " + user + " NOT_READY (HTTP " + status
                    + (errors.isEmpty() ? "" : ": " + errors.get(0)) + "), which an agent must be before it signs "
                    + "itself out; " + user + " was not signed out");
        }
    }

    /**
     * Maps {@code GET User/{id}} after Finesse accepted the NOT_READY: the LOGOUT goes again once it shows NOT_READY;
     * until then the call is repeated (StateNotYetChangedException, see signout-errors).
     */
    public void notReadyChecked(Exchange exchange) {
        Signout signout = signout(exchange);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        User user = status == 200 ? xml.read(exchange.getIn().getBody(String.class), User.class) : null;
        if (user != null && User.NOT_READY.equalsIgnoreCase(user.getState())) {
            signout.notReady(Instant.now());
            return;
        }
        throw new StateNotYetChangedException("Finesse accepted setting user " + signout.getRequest().userId()
                + " NOT_READY before its own sign-out, but " + (user == null ? "GET User answered " + status
                : "GET User shows state " + user.getState()) + "; the sign-out was not sent again");
    }

    /** The request a call is made for; a call of the bundle's own (the listener's team lookup) has none. */
    private static java.util.Optional<Signout> track(Exchange exchange) {
        return java.util.Optional.ofNullable(signout(exchange));
    }

    private static Signout signout(Exchange exchange) {
        return exchange.getProperty(Signout.PROPERTY, Signout.class);
    }

    private static String nodeName(Exchange exchange) {
        return "Finesse side " + node(exchange) + " (" + nodeUrl(exchange) + ")";
    }

    private static String node(Exchange exchange) {
        return exchange.getProperty(NODE, String.class);
    }

    private static String nodeUrl(Exchange exchange) {
        return exchange.getProperty(NODE_URL, String.class);
    }

    /** A LOGOUT PUT (not the NOT_READY sent before an agent's own sign-out, not a GET). */
    private static boolean isSignOutCall(Exchange exchange) {
        return "PUT".equals(exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class))
                && track(exchange).map(signout -> !signout.isNotReadyNeeded()).orElse(true);
    }

    private static boolean neverConnected(Throwable cause) {
        for (Throwable e = cause; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof java.net.ConnectException || e instanceof java.net.NoRouteToHostException
                    || e instanceof java.net.UnknownHostException
                    || e instanceof org.apache.hc.client5.http.ConnectTimeoutException
                    || e instanceof javax.net.ssl.SSLHandshakeException
                    // a certificate for another host: refused right after the handshake, before the request
                    || e instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }

    private List<ApiError> errors(Exchange exchange) {
        String body = exchange.getIn().getBody(String.class);
        if (body == null || body.isBlank()) {
            return List.of();
        }
        try {
            return xml.read(body, ApiErrors.class).getErrors();
        } catch (FinesseXmlException e) {
            return List.of(new ApiError(null, "unreadable error body: " + Display.quote(body.strip()), null));
        }
    }

    /** Invalid Supervisor and Invalid Authorization User Specified say what the account may not do to that user. */
    private static boolean isAboutTheUser(ApiError error) {
        return error.isType("Invalid Supervisor") || error.isType("Invalid Authorization User Specified");
    }

    private ApiError firstError(Exchange exchange) {
        List<ApiError> errors = errors(exchange);
        return errors.isEmpty() ? new ApiError() : errors.get(0);
    }

    private String errorsText(Exchange exchange) {
        List<ApiError> errors = errors(exchange);
        return errors.isEmpty() ? "" : ": " + errors.get(0);
    }

    private static String redirectAdvice(Exchange exchange, int status) {
        String location = exchange.getIn().getHeader("Location", String.class);
        return nodeName(exchange) + " answered " + status + " and sent the request to " + Display.quote(location)
                + ". Finesse 12.5 and later serve HTTPS only: configure this node as https://<host>:8445 "
                + "(and a trust store for its certificate) instead of the HTTP port";
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "no answer";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
