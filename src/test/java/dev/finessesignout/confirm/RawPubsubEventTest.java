package dev.finessesignout.confirm;

import java.time.Instant;
import java.util.List;

import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.model.Notification;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A notification with whitespace around its payload, as a server may format it, survives Smack's parsing. */
class RawPubsubEventTest {
    private static final String UPDATE = "<Update><data><user><loginId>1042</loginId><state>LOGOUT</state>"
            + "<stateChangeTime>2026-11-24T20:00:00Z</stateChangeTime></user></data><event>PUT</event>"
            + "<requestId>r-1</requestId><source>/finesse/api/User/1042</source></Update>";

    @Test
    void whitespaceBetweenItemAndNotificationKeepsTheUpdate() throws Exception {
        RawPubsubEvent.register();
        for (String payload : List.of(UPDATE, UPDATE.replace("<", "&lt;").replace(">", "&gt;"))) {
            Stanza message = PacketParserUtils.parseStanza("<message from='pubsub.finesse.example.com' "
                    + "to='svc@finesse.example.com/x'><event xmlns='http://jabber.org/protocol/pubsub#event'>\n  "
                    + "<items node='/finesse/api/Team/7/Users'>\n    <item id='1'>\n      <notification "
                    + "xmlns='http://jabber.org/protocol/pubsub'>\n        " + payload + "\n      </notification>\n"
                    + "    </item>\n  </items>\n</event></message>");
            List<Notification> read = new FinesseXml().readNotifications(message.toXML(null).toString());
            assertEquals(1, read.size(), message.toXML(null).toString());
            assertEquals("pubsub.finesse.example.com", read.get(0).from());
            assertEquals("/finesse/api/Team/7/Users", read.get(0).node());
            assertTrue(read.get(0).update().user().isSignedOut());
            assertEquals("r-1", read.get(0).update().getRequestId());
        }
    }
}
