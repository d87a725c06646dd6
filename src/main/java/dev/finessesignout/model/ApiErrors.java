package dev.finessesignout.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** The body of every Finesse error answer: any number of ApiError. */
@XmlRootElement(name = "ApiErrors")
@XmlAccessorType(XmlAccessType.FIELD)
public class ApiErrors {
    @XmlElement(name = "ApiError")
    private List<ApiError> errors = new ArrayList<>();

    public ApiErrors() {
    }

    public ApiErrors(ApiError... errors) {
        this.errors = new ArrayList<>(List.of(errors));
    }

    public List<ApiError> getErrors() {
        return errors;
    }

    public ApiError first() {
        return errors.isEmpty() ? null : errors.get(0);
    }
}
