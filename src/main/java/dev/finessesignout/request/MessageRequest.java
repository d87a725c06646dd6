package dev.finessesignout.request;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * One sign-out request as a JMS message or an XML/JSON file carries it, in JSON ({@code {"userId": "1001"}}) or XML
 * ({@code <signoutRequest><userId>1001</userId></signoutRequest>}). requestId and reasonCodeId are optional.
 */
@XmlRootElement(name = "signoutRequest")
@XmlAccessorType(XmlAccessType.FIELD)
@JsonIgnoreProperties(ignoreUnknown = true)
public class MessageRequest {
    private static final List<String> FIELDS = List.of("requestId", "userId", "reasonCodeId");

    public String requestId;
    public String userId;
    public String reasonCodeId;

    /** The request a JSON value holds; IllegalArgumentException names what is wrong with its types. */
    public static MessageRequest of(JsonNode node, ObjectMapper json) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a JSON request must be an object, not " + node.getNodeType());
        }
        for (String field : FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isTextual() && !value.isNumber()) {
                throw new IllegalArgumentException("\"" + field + "\" must be a string or a number");
            }
        }
        try {
            return json.treeToValue(node, MessageRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable JSON request: " + e.getOriginalMessage());
        }
    }

    /** The request to queue: its own requestId, or the given one when it has none. */
    public SignoutRequest toRequest(String derivedRequestId, RequestSource source) {
        String id = requestId != null && !requestId.isBlank() ? requestId.strip() : derivedRequestId;
        return new SignoutRequest(id, userId == null ? null : userId.strip(),
                reasonCodeId == null || reasonCodeId.isBlank() ? null : reasonCodeId.strip(), source, Instant.now());
    }
}
