package dev.finessesignout.confirm;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.xmlpull.v1.XmlPullParser;

/**
 * A pubsub {@code <event>} kept exactly as it arrived. Smack 4.3's own event parser breaks on whitespace between
 * {@code <item>} and {@code <notification>} (it mangles the payload, or fails an assertion), so the listener takes
 * the raw element and reads it with the bundle's own tolerant reader.
 */
public final class RawPubsubEvent implements ExtensionElement {
    static final String ELEMENT = "event";
    static final String NAMESPACE = "http://jabber.org/protocol/pubsub#event";
    private final CharSequence xml;

    private RawPubsubEvent(CharSequence xml) {
        this.xml = xml;
    }

    /** For every Smack connection of this JVM: the bundle is the only pubsub client in it. */
    public static void register() {
        ProviderManager.addExtensionProvider(ELEMENT, NAMESPACE, new Provider());
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public CharSequence toXML(String enclosingNamespace) {
        return xml;
    }

    static final class Provider extends ExtensionElementProvider<RawPubsubEvent> {
        @Override
        public RawPubsubEvent parse(XmlPullParser parser, int initialDepth) throws Exception {
            return new RawPubsubEvent(PacketParserUtils.parseElement(parser, true));
        }
    }
}
