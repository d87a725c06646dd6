package dev.finessesignout.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

/** A reason code as Finesse embeds it in a User (element ReasonCode or reasonCode). */
@XmlAccessorType(XmlAccessType.FIELD)
public class ReasonCode {
    private String id;
    private String category;
    private String code;
    private String label;
    private String uri;

    public ReasonCode() {
    }

    public ReasonCode(String id, String category, String code, String label) {
        this.id = id;
        this.category = category;
        this.code = code;
        this.label = label;
        this.uri = "/finesse/api/ReasonCode/" + id;
    }

    public String getId() { return id; }
    public String getCategory() { return category; }
    public String getCode() { return code; }
    public String getLabel() { return label; }
    public String getUri() { return uri; }
}
