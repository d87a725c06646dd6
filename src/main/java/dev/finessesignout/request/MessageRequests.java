package dev.finessesignout.request;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A batch in one message: {@code <signoutRequests><signoutRequest>...</signoutRequest>...</signoutRequests>}. */
@XmlRootElement(name = "signoutRequests")
@XmlAccessorType(XmlAccessType.FIELD)
public class MessageRequests {
    @XmlElement(name = "signoutRequest")
    public List<MessageRequest> requests = new ArrayList<>();
}
