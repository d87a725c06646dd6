package dev.finessesignout.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every form of notification the contract lists (section 5), read into one Update. */
class NotificationReadingTest {
    private static final String FROM = "pubsub.finesse-a.example.com";
    private final FinesseXml xml = new FinesseXml();

    /** A pubsub event message from pubsub.<domain> carrying {@code update} as the notification's content. */
    private static String notification(String update) {
        return message("", "<notification xmlns='http://jabber.org/protocol/pubsub'>" + update + "</notification>");
    }

    private static String message(String type, String itemContent) {
        return "<message from='" + FROM + "' to='svc-signout@finesse-a.example.com/signout-1'" + type + ">"
                + "<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='/finesse/api/Team/7/Users'>"
                + "<item id='5f0c'>" + itemContent + "</item></items></event></message>";
    }

    private static final String UPDATE = "<Update><data><user><loginId>1042</loginId><loginName>jdoe</loginName>"
            + "<state>LOGOUT</state><stateChangeTime>2026-11-23T21:58:03.117Z</stateChangeTime>"
            + "<reasonCodeId>12</reasonCodeId><teamId>7</teamId><uri>/finesse/api/User/1042</uri></user></data>"
            + "<event>PUT</event><requestId>0e9f6f1a-3c1b-4f0e-9a3e-5b2d7c1e8a44</requestId>"
            + "<source>/finesse/api/User/1042</source></Update>";

    private static String escaped(String xml) {
        return xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void assertSignedOut(Notification notification) {
        assertEquals(FROM, notification.from());
        assertEquals("/finesse/api/Team/7/Users", notification.node());
        Update update = notification.update();
        assertTrue(update.isPut());
        assertEquals("1042", update.user().getLoginId());
        assertTrue(update.user().isSignedOut());
        assertEquals("2026-11-23T21:58:03.117Z", update.user().getStateChangeTime());
        assertEquals("0e9f6f1a-3c1b-4f0e-9a3e-5b2d7c1e8a44", update.getRequestId());
        assertEquals("/finesse/api/User/1042", update.getSource());
    }

    @Test
    void readsTheUpdateAsEscapedText() {
        assertSignedOut(xml.readNotification(notification(escaped(UPDATE))));
    }

    @Test
    void readsTheUpdateAsChildElementsWithWhitespaceAroundIt() {
        assertSignedOut(xml.readNotification(message(" type='headline'", "\n    <notification "
                + "xmlns='http://jabber.org/protocol/pubsub'>\n      " + UPDATE + "\n    </notification>\n  ")));
    }

    @Test
    void readsUserInEitherCaseAnyOrderAndEventInAnyCase() {
        String shuffled = "<Update><source>/finesse/api/User/1042</source><requestId></requestId><event>put</event>"
                + "<data><User><state>LOGOUT</state><loginId>1042</loginId><ReasonCode><code>255</code></ReasonCode>"
                + "</User></data></Update>";
        Update update = xml.readNotification(notification(shuffled)).update();
        assertTrue(update.isPut());
        assertEquals("1042", update.user().getLoginId());
        assertEquals("255", update.user().getReasonCode().getCode());
        assertNull(update.getRequestId(), "an empty requestId is an unsolicited update");
    }

    @Test
    void readsAnAsynchronousFailure() {
        String failure = "<Update><data><apiErrors><apiError><errorType>Invalid State</errorType>"
                + "<errorMessage>Cannot change state</errorMessage><errorData>1042</errorData></apiError></apiErrors>"
                + "</data><event>PUT</event><requestId>r-7</requestId><source>/finesse/api/User/1042</source></Update>";
        Update update = xml.readNotification(notification(escaped(failure))).update();
        assertNull(update.user());
        assertEquals("Invalid State", update.apiErrors().first().getErrorType());
        assertEquals("r-7", update.getRequestId());
    }

    @Test
    void readsAWholeTeamUpdate() {
        String team = "<Update><data><team><id>7</id><users><User><loginId>1</loginId><state>LOGOUT</state></User>"
                + "<User><loginId>2</loginId><state>READY</state></User></users></team></data><event>PUT</event>"
                + "<requestId/><source>/finesse/api/Team/7</source></Update>";
        Update update = xml.readNotification(notification(team)).update();
        assertEquals(2, update.team().getUsers().size());
        assertTrue(update.team().getUsers().get(0).isSignedOut());
    }

    @Test
    void otherMessagesAreNotNotifications() {
        assertNull(xml.readNotification("<message from='svc@x' type='chat'><body>hello</body></message>"));
        assertNull(xml.readNotification("<message from='svc@x'><body>normal</body></message>"));
        assertNull(xml.readNotification(message("", "<other xmlns='urn:x'/>")));
    }

    @Test
    void aMessageForwardedInsideAnotherCannotPassForAPubsubEvent() {
        String forged = "<message from='agent1002@finesse-a.example.com' type='chat'><forwarded xmlns='urn:xmpp:forward:0'>"
                + notification(UPDATE)
                + "</forwarded></message>";
        assertTrue(xml.readNotifications(forged).isEmpty());
    }

    @Test
    void anErrorMessageIsNotANotification() {
        assertNull(xml.readNotification(message(" type='error'", "<notification xmlns='http://jabber.org/protocol/pubsub'>"
                + UPDATE + "</notification>")));
    }

    @Test
    void everyItemOfAMessageIsRead() {
        String two = "<notification xmlns='http://jabber.org/protocol/pubsub'>" + UPDATE + "</notification></item>"
                + "<item id='2'><notification xmlns='http://jabber.org/protocol/pubsub'>"
                + escaped(UPDATE.replace("1042", "1043")) + "</notification>";
        var notifications = xml.readNotifications(message("", two));
        assertEquals(2, notifications.size());
        assertEquals("1042", notifications.get(0).update().user().getLoginId());
        assertEquals("1043", notifications.get(1).update().user().getLoginId());
    }

    @Test
    void refusesAnUndeclaredEntityInsideTheNotification() {
        assertThrows(FinesseXmlException.class, () -> xml.readNotification(message("",
                "<notification xmlns='http://jabber.org/protocol/pubsub'>&foo;</notification>")));
    }

    @Test
    void refusesADoctype() {
        assertThrows(FinesseXmlException.class, () -> xml.readNotification(
                "<!DOCTYPE m [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><message>&x;</message>"));
    }
}
