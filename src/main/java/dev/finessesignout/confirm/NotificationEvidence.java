package dev.finessesignout.confirm;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.FinesseXmlException;
import dev.finessesignout.model.Notification;
import dev.finessesignout.model.Update;
import dev.finessesignout.model.User;
import dev.finessesignout.request.Display;
import org.apache.camel.Header;
import org.jivesoftware.smack.packet.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's filter: turns an XMPP message into the evidence a waiting request can use, and drops everything else
 * at once (chats, messages not from the pubsub service, other users, other states). Nothing is kept here.
 */
public class NotificationEvidence {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationEvidence.class);
    private static final String USER_URI = "/finesse/api/User/";
    private final FinesseXml xml;
    private final String pubsubService;
    private final AwaitedUsers awaited;
    private final AtomicLong heard = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();

    public NotificationEvidence(FinesseXml xml, String pubsubService, AwaitedUsers awaited) {
        this.xml = xml;
        this.pubsubService = pubsubService;
        this.awaited = awaited;
    }

    /** The camel-xmpp consumer hands the whole stanza over in the CamelXmppDoc header. */
    public List<Evidence> read(@Header("CamelXmppDoc") Stanza stanza) {
        if (stanza == null) {
            return List.of();
        }
        return read(stanza.toXML(null).toString(), Instant.now());
    }

    public List<Evidence> read(String messageXml, Instant receivedAt) {
        List<Notification> notifications;
        try {
            notifications = xml.readNotifications(messageXml);
        } catch (FinesseXmlException e) {
            LOG.warn("Ignored an unreadable XMPP message: {}", e.getMessage());
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Notification notification : notifications) {
            if (!pubsubService.equalsIgnoreCase(bare(notification.from()))) {
                LOG.debug("Ignored a pubsub event from {}, not from {}", notification.from(), pubsubService);
                continue;
            }
            heard.incrementAndGet();
            read(notification, receivedAt, evidence);
        }
        kept.addAndGet(evidence.size());
        return evidence;
    }

    private void read(Notification notification, Instant receivedAt, List<Evidence> evidence) {
        Update update = notification.update();
        if (!update.isPut()) {
            return;
        }
        String requestId = update.getRequestId();
        if (update.apiErrors() != null) {
            String userId = userOfSource(update.getSource());
            if (userId == null) {
                userId = awaited.userOf(requestId);
            }
            if (requestId != null && awaited.isAwaited(userId)) {
                evidence.add(new Evidence(Evidence.Kind.REQUEST_FAILED, userId, requestId, null, receivedAt,
                        notification.node(), List.copyOf(update.apiErrors().getErrors())));
            }
            return;
        }
        if (update.user() != null) {
            add(update.user(), requestId, notification.node(), receivedAt, evidence);
        }
        if (update.team() != null && update.team().getUsers() != null) {
            update.team().getUsers().forEach(user -> add(user, requestId, notification.node(), receivedAt, evidence));
        }
    }

    private void add(User user, String requestId, String node, Instant receivedAt, List<Evidence> evidence) {
        Evidence.Kind kind = user.isSignedOut() ? Evidence.Kind.SIGNED_OUT
                : User.LOGOUT.equalsIgnoreCase(trim(user.getPendingState())) ? Evidence.Kind.SIGN_OUT_PENDING : null;
        if (kind == null || !awaited.isAwaited(trim(user.getLoginId()))) {
            return;
        }
        evidence.add(new Evidence(kind, trim(user.getLoginId()), requestId, time(user.getStateChangeTime()), receivedAt,
                node, List.of()));
    }

    /** Pubsub events heard from the pubsub service, and how many of them became evidence. */
    public long heard() {
        return heard.get();
    }

    public long kept() {
        return kept.get();
    }

    private static Instant time(String stateChangeTime) {
        try {
            return stateChangeTime == null || stateChangeTime.isBlank() ? null : Instant.parse(stateChangeTime.trim());
        } catch (DateTimeParseException e) {
            LOG.debug("Unreadable stateChangeTime {}", Display.quote(stateChangeTime));
            return null;
        }
    }

    private static String userOfSource(String source) {
        if (source == null) {
            return null;
        }
        String path = trim(source);
        int at = path.indexOf(USER_URI);
        if (at < 0) {
            return null;
        }
        String id = path.substring(at + USER_URI.length()).replaceAll("/+$", "");
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    private static String bare(String jid) {
        if (jid == null) {
            return "";
        }
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
