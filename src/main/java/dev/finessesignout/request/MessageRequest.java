package dev.finessesignout.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * One sign-out request as a JMS message carries it, in JSON ({@code {"userId": "1001"}}) or XML
 * ({@code <signoutRequest><userId>1001</userId></signoutRequest>}). requestId and reasonCodeId are optional.
 */
@XmlRootElement(name = "signoutRequest")
@XmlAccessorType(XmlAccessType.FIELD)
@JsonIgnoreProperties(ignoreUnknown = true)
public class MessageRequest {
    public String requestId;
    public String userId;
    public String reasonCodeId;
}
