package dev.finessesignout.confirm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.User;
import dev.finessesignout.signout.ConfirmedBy;
import dev.finessesignout.signout.Outcome;
import dev.finessesignout.signout.Signout;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/**
 * The confirmation aggregator's parts: how a group grows (the aggregation strategy), how long it may wait, and what
 * becomes of a request that no notification settled (GET User, then CONFIRMED by poll or UNCONFIRMED).
 */
public class Confirmations implements AggregationStrategy {
    private final Duration clockTolerance;
    private final Duration notificationWait;
    private final Duration pendingWait;
    private final NotificationSession session;
    private final FinesseXml xml;

    public Confirmations(Duration clockTolerance, Duration notificationWait, Duration pendingWait,
            NotificationSession session, FinesseXml xml) {
        this.clockTolerance = clockTolerance;
        this.notificationWait = notificationWait;
        this.pendingWait = pendingWait;
        this.session = session;
        this.xml = xml;
    }

    /** The correlation key: the user an accepted Signout or a piece of Evidence is about. */
    public String userOf(@Body Object item) {
        if (item instanceof Signout signout) {
            return signout.getRequest().userId();
        }
        if (item instanceof Evidence evidence) {
            return evidence.userId();
        }
        throw new IllegalArgumentException("not a sign-out or a notification: " + item);
    }

    /** An accepted Signout or a piece of Evidence joins its user's group. */
    @Override
    public Exchange aggregate(Exchange group, Exchange item) {
        Exchange target = group == null ? item : group;
        AwaitedSignouts awaited = group == null ? new AwaitedSignouts(item.getIn().getHeader(Correlation.USER,
                String.class)) : group.getIn().getBody(AwaitedSignouts.class);
        Object body = item.getIn().getBody();
        if (body instanceof Signout signout) {
            awaited.add(signout, clockTolerance);
        } else if (body instanceof Evidence evidence) {
            awaited.add(evidence, clockTolerance);
        }
        target.getIn().setBody(awaited);
        // Camel evaluates the completion time-out on the incoming exchange, not on the group; the group keeps it too,
        // as the wait it is restored with after a restart
        long wait = wait(awaited);
        item.getIn().setHeader(Correlation.WAIT_MILLIS, wait);
        target.setProperty(ExchangePropertyKey.AGGREGATED_TIMEOUT, wait);
        return target;
    }

    /** The inactivity limit of a group: longer while a sign-out is pending on a call. */
    private long wait(AwaitedSignouts awaited) {
        return (awaited.isPending() ? pendingWait : notificationWait).toMillis();
    }

    /** The requests of a finished group, each to be audited (after a poll when no notification settled it). */
    public List<Signout> requests(@Body AwaitedSignouts awaited) {
        return awaited == null ? List.of() : awaited.getSignouts();
    }

    /** The report on a group that could not be completed: its requests have no final record. */
    public String deadLetter(@Body AwaitedSignouts awaited) {
        StringBuilder text = new StringBuilder("No final record could be written for these requests of user ")
                .append(awaited.getUserId()).append(" (the confirmation failed every recovery attempt):");
        awaited.getSignouts().forEach(s -> text.append("\n  request ").append(s.getRequest().requestId())
                .append(" from ").append(s.getRequest().source()).append(": ").append(s.getOutcome())
                .append(s.getDetail() == null ? "" : " - " + s.getDetail()));
        return text.append('\n').toString();
    }

    /** Maps {@code GET User} for a request that no notification settled. */
    public void polled(Exchange exchange) {
        Signout signout = exchange.getProperty(Signout.PROPERTY, Signout.class);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String waited = waited(signout);
        if (status != 200) {
            signout.finish(Outcome.UNCONFIRMED, "no notification " + waited + ", and GET User answered " + status);
            return;
        }
        User user = xml.read(exchange.getIn().getBody(String.class), User.class);
        if (user.isSignedOut()) {
            signout.confirm(ConfirmedBy.POLL, Instant.now(), "no notification " + waited
                    + "; GET User shows state LOGOUT" + watchNote(user));
        } else if (User.LOGOUT.equalsIgnoreCase(user.getPendingState())) {
            signout.finish(Outcome.UNCONFIRMED, "the sign-out is still pending " + waited + ": GET User shows state "
                    + user.getState() + " with pendingState LOGOUT (the agent is on a call; Finesse signs the agent "
                    + "out when it ends)");
        } else {
            signout.finish(Outcome.UNCONFIRMED, "Finesse accepted the sign-out, but " + waited
                    + " GET User still shows state " + user.getState() + watchNote(user));
        }
    }

    /** GET User itself failed (after its retries): the request stays unproven. */
    public void pollFailed(Exchange exchange) {
        Signout signout = exchange.getProperty(Signout.PROPERTY, Signout.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        signout.finish(Outcome.UNCONFIRMED, "no notification " + waited(signout) + ", and GET User failed: "
                + (cause == null ? "unknown error" : cause.getMessage()));
    }

    private String waited(Signout signout) {
        Instant since = signout.getAnsweredAt() == null ? signout.getRequest().receivedAt() : signout.getAnsweredAt();
        return "within " + Duration.between(since, Instant.now()).toSeconds() + " s of the 202"
                + (signout.getPendingSince() != null ? " (pending LOGOUT since " + signout.getPendingSince() + ")" : "");
    }

    /** Why no notification came, when the listener can tell. */
    private String watchNote(User user) {
        if (!session.isListening()) {
            return " (the notification service was not connected)";
        }
        if (user.getTeamId() != null && !session.watches(user.getTeamId())) {
            return " (user " + user.getLoginId() + " is on team " + user.getTeamId()
                    + ", whose notifications the listener does not watch)";
        }
        return "";
    }
}
