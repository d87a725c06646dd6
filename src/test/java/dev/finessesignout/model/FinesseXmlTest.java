package dev.finessesignout.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinesseXmlTest {
    private final FinesseXml xml = new FinesseXml();

    @Test
    void readsAUserWhateverTheCaseOrderNamespaceAndUnknownElements() {
        String body = """
                <user xmlns="http://jabber.org/protocol/pubsub">
                  <somethingNew><nested>1</nested></somethingNew>
                  <STATE>LOGOUT</STATE>
                  <reasonCode><code>999</code><Label>Forced</Label></reasonCode>
                  <LoginId>1042</LoginId>
                  <teams><team><ID>7</ID></team></teams>
                </user>""";
        User user = xml.read(body, User.class);
        assertEquals("1042", user.getLoginId());
        assertTrue(user.isSignedOut());
        assertEquals("999", user.getReasonCode().getCode());
        assertEquals("Forced", user.getReasonCode().getLabel());
        assertEquals("7", user.getTeams().get(0).getId());
    }

    @Test
    void anEmptyPendingStateIsNothingPending() {
        User user = xml.read("<User><state>READY</state><pendingState></pendingState></User>", User.class);
        assertNull(user.getPendingState());
        User pending = xml.read("<User><state>TALKING</state><pendingState>LOGOUT</pendingState></User>", User.class);
        assertEquals("LOGOUT", pending.getPendingState());
    }

    @Test
    void readsRestAndNotificationSpellingsOfApiErrors() {
        ApiErrors rest = xml.read("""
                <ApiErrors><ApiError><ErrorType>Invalid State</ErrorType><ErrorMessage>m</ErrorMessage>
                <ErrorData>state</ErrorData><peripheralErrorCode>-1</peripheralErrorCode></ApiError>
                <ApiError><ErrorType>Second</ErrorType></ApiError></ApiErrors>""", ApiErrors.class);
        assertEquals(2, rest.getErrors().size());
        assertEquals("state", rest.first().getErrorData());
        assertEquals("-1", rest.first().getPeripheralErrorCode());

        ApiErrors notification = xml.read("""
                <apiErrors><apiError><errorData>7</errorData><errorMessage>busy</errorMessage>
                <errorType>Invalid State</errorType><errorMedia>voice</errorMedia></apiError></apiErrors>""",
                ApiErrors.class);
        assertEquals("Invalid State", notification.first().getErrorType());
        assertEquals("voice", notification.first().getErrorMedia());
    }

    @Test
    void readsSystemInfoAndTeam() {
        SystemInfo info = xml.read("<SystemInfo><xmppDomain>f.example.com</xmppDomain><status>IN_SERVICE</status>"
                + "<primaryNode><host>a</host></primaryNode></SystemInfo>", SystemInfo.class);
        assertEquals("IN_SERVICE", info.getStatus());
        assertEquals("a", info.getPrimaryNode().getHost());
        Team team = xml.read("<Team><id>7</id><users><User><loginId>1</loginId><state>READY</state></User>"
                + "<user><loginId>2</loginId></user></users></Team>", Team.class);
        assertEquals(2, team.getUsers().size());
        assertEquals("READY", team.getUsers().get(0).getState());
    }

    @Test
    void writesTheSignOutBodyWithoutEmptyElements() {
        assertEquals("<User><state>LOGOUT</state></User>", xml.write(User.logout(null)));
        assertEquals("<User><state>LOGOUT</state><reasonCodeId>12</reasonCodeId></User>", xml.write(User.logout("12")));
        assertNull(xml.read(xml.write(User.logout(null)), User.class).getReasonCodeId());
    }

    @Test
    void refusesExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE User [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <User><state>&xxe;</state></User>""";
        FinesseXmlException refused = assertThrows(FinesseXmlException.class, () -> xml.read(xxe, User.class));
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <User><state>&lol2;</state></User>""";
        assertThrows(FinesseXmlException.class, () -> xml.read(laughs, User.class));
    }

    @Test
    void saysWhatIsWrongWithMalformedXml() {
        FinesseXmlException refused = assertThrows(FinesseXmlException.class, () -> xml.read("<User><state>", User.class));
        assertTrue(refused.getMessage().startsWith("Not a readable Finesse User"), refused.getMessage());
    }
}
