package dev.finessesignout.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finessesignout.model.FinesseXml;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * Reads the requests of a JMS message: JSON (one object or an array) or XML (one {@code <signoutRequest>} or a
 * {@code <signoutRequests>} batch), recognised by content. A request without requestId gets one derived from the
 * message id and its position, so a redelivered message yields the same ids (and the broker drops the repeats).
 */
public class MessageRequestParser {
    private final ObjectMapper json;
    private final JAXBContext xml;
    private final FinesseXml safeXml;

    public MessageRequestParser(ObjectMapper json, FinesseXml safeXml) throws JAXBException {
        this.json = json;
        this.xml = JAXBContext.newInstance(MessageRequest.class, MessageRequests.class);
        this.safeXml = safeXml;
    }

    public List<SignoutRequest> parse(@Body Object body, @Header("JMSMessageID") String messageId,
            @Header("JMSReplyTo") Object replyTo, @Header("JMSCorrelationID") String correlationId) {
        String replyUri = replyUri(replyTo);
        String text = text(body).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw new UnreadableMessageException("the message has no body; expected a JSON or XML sign-out request");
        }
        List<MessageRequest> items = text.startsWith("<") ? xml(text) : text.startsWith("{") || text.startsWith("[")
                ? json(text) : null;
        if (items == null) {
            throw new UnreadableMessageException("the body is neither JSON nor XML");
        }
        if (items.isEmpty()) {
            throw new UnreadableMessageException("the message holds no request");
        }
        List<SignoutRequest> requests = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String derivedId = SignoutRequest.derivedId("jms", messageId, i);
            requests.add(items.get(i).toRequest(derivedId, new RequestSource("jms", null, items.size() > 1 ? i + 1 : null,
                    messageId, null, null, replyUri, replyUri == null ? null : correlationId != null ? correlationId
                    : messageId)));
        }
        return requests;
    }

    /** A text or bytes message; any other kind (map, object, stream message) cannot hold JSON or XML. */
    private static String text(Object body) {
        if (body == null) {
            return "";
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof String string) {
            return string;
        }
        throw new UnreadableMessageException("the message body is a " + body.getClass().getSimpleName()
                + "; expected a text or bytes message holding JSON or XML");
    }

    /** The reply destination as a Camel endpoint URI (the JMS convention: the caller's correlation id, or else the
     * message id, goes back with the answer). */
    private static String replyUri(Object replyTo) {
        try {
            if (replyTo instanceof jakarta.jms.Queue queue) {
                return "jms:queue:" + queue.getQueueName();
            }
            if (replyTo instanceof jakarta.jms.Topic topic) {
                return "jms:topic:" + topic.getTopicName();
            }
        } catch (jakarta.jms.JMSException e) {
            throw new UnreadableMessageException("unreadable JMSReplyTo: " + e.getMessage());
        }
        return replyTo instanceof String name && !name.isBlank() ? "jms:queue:" + name : null;
    }

    /** Each request is checked on its own: a bad one is audited, the others go on. */
    public SignoutRequest validated(@Body SignoutRequest request) {
        return request.validated();
    }

    private List<MessageRequest> json(String text) {
        try {
            JsonNode tree = json.readTree(text);
            List<MessageRequest> items = new ArrayList<>();
            for (JsonNode node : tree.isArray() ? tree : List.of(tree)) {
                items.add(MessageRequest.of(node, json));
            }
            return items;
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessageException(e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnreadableMessageException("unreadable JSON: " + e.getOriginalMessage());
        }
    }

    private List<MessageRequest> xml(String text) {
        XMLStreamReader reader = null;
        try {
            reader = safeXml.safeReader(text);
            Object root = xml.createUnmarshaller().unmarshal(reader);
            if (root instanceof MessageRequests batch) {
                return batch.requests;
            }
            if (root instanceof MessageRequest one) {
                return List.of(one);
            }
            throw new UnreadableMessageException("unexpected XML root element");
        } catch (JAXBException | javax.xml.stream.XMLStreamException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UnreadableMessageException("unreadable XML (expected <signoutRequest> or <signoutRequests>; "
                    + "a DOCTYPE is refused): " + cause.getMessage());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (javax.xml.stream.XMLStreamException ignored) {
                    // nothing left to read
                }
            }
        }
    }

}
