package dev.finessesignout.signout;

import java.time.Instant;
import java.util.UUID;

import dev.finessesignout.model.User;
import dev.finessesignout.request.InvalidSignoutRequestException;
import dev.finessesignout.request.RequestSource;
import dev.finessesignout.request.SignoutRequest;
import dev.finessesignout.request.UnreadableFileException;
import org.apache.camel.Exchange;

/** The small steps of the sign-out worker that are not HTTP: start a request, build its body, record failures. */
public class SignoutSteps {
    private final String notReadyReasonCodeId;

    /** @param notReadyReasonCodeId the NOT_READY reason code (database id) for an agent set NOT_READY first, or null */
    public SignoutSteps(String notReadyReasonCodeId) {
        this.notReadyReasonCodeId = notReadyReasonCodeId;
    }

    /** Validates the queued request again (it may come from any producer) and starts tracking it. */
    public void begin(Exchange exchange) {
        SignoutRequest request = exchange.getIn().getBody(SignoutRequest.class).withDefaults();
        exchange.setProperty(Signout.PROPERTY, new Signout(request.validated()));
    }

    public User logoutBody(Exchange exchange) {
        return User.logout(exchange.getProperty(Signout.PROPERTY, Signout.class).getRequest().reasonCodeId());
    }

    /** An agent signing itself out from READY is set NOT_READY first (signout.self.not-ready-first). */
    public User notReadyBody() {
        return User.notReady(notReadyReasonCodeId);
    }

    /** The request could not be used: record it as INVALID_REQUEST with what could be read of it. */
    public void invalid(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        SignoutRequest request = cause instanceof InvalidSignoutRequestException invalid ? invalid.getRequest() : null;
        if (request == null) {
            request = new SignoutRequest(UUID.randomUUID().toString(), null, null, sourceOf(exchange), Instant.now());
        }
        Signout signout = new Signout(request);
        signout.finish(Outcome.INVALID_REQUEST, message(cause));
        exchange.setProperty(Signout.PROPERTY, signout);
    }

    /** Retries are exhausted or something unexpected happened: record FAILED with the reason. */
    public void failed(Exchange exchange) {
        Signout signout = exchange.getProperty(Signout.PROPERTY, Signout.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (signout == null) {
            invalid(exchange);
            return;
        }
        String tries = signout.getAttempts() > 0 ? " (sent " + signout.getAttempts() + " times)"
                : cause instanceof CredentialsRefusedException ? ""
                : " (never sent: no Finesse node could be reached)";
        signout.finish(Outcome.FAILED, message(cause) + tries);
    }

    /**
     * A dropped file as a whole could not be processed: records it (INVALID_REQUEST when it is not a request file,
     * FAILED otherwise) and returns the error report an operator finds next to it in the error folder.
     */
    public String fileFailed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String file = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        Signout signout = new Signout(new SignoutRequest(UUID.randomUUID().toString(), null, null,
                RequestSource.file(file), Instant.now()));
        boolean unreadable = cause instanceof UnreadableFileException;
        String reason = "file " + file + " was not processed: " + message(cause);
        signout.finish(unreadable ? Outcome.INVALID_REQUEST : Outcome.FAILED, reason);
        exchange.setProperty(Signout.PROPERTY, signout);
        return "finesse-signout could not process " + file + " at " + Instant.now() + "\n\n"
                + "Reason: " + message(cause) + "\n\n"
                + (unreadable ? "No request of it was queued. " : "Requests read from it before the failure are queued "
                + "and will be processed; see the audit file. ")
                + "Drop a corrected copy into the inbox; users already signed out are then reported as "
                + "ALREADY_SIGNED_OUT.\n";
    }

    private static RequestSource sourceOf(Exchange exchange) {
        String file = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        String messageId = exchange.getIn().getHeader("JMSMessageID", String.class);
        String trigger = file != null ? "file" : messageId != null ? "jms" : exchange.getFromRouteId();
        return new RequestSource(trigger, file, null, messageId, null, null);
    }

    private static String message(Exception cause) {
        if (cause == null) {
            return "unknown error";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
