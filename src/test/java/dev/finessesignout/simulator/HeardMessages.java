package dev.finessesignout.simulator;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;

/** Every message a client session receives, in order, and a wait for the one about a user. */
final class HeardMessages {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    private HeardMessages() {
    }

    static HeardMessages of(XMPPConnection connection) {
        HeardMessages heard = new HeardMessages();
        connection.addAsyncStanzaListener(stanza -> heard.messages.add(stanza.toXML(null).toString()),
                stanza -> stanza instanceof Message);
        return heard;
    }

    /**
     * The first message whose Update (escaped or not) has the user's loginId and the text given, within the time
     * given; null when none came. Messages about others are passed over.
     */
    String about(String userId, String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                String plain = message.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
                if (plain.contains("<loginId>" + userId + "</loginId>") && plain.contains(text)) {
                    return message;
                }
            }
        }
        return null;
    }

    /** The next message of any kind within the time given, or null. */
    String next(long seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }
}
