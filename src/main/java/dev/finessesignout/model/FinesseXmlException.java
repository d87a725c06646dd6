package dev.finessesignout.model;

/** Finesse XML that cannot be read: malformed, a DOCTYPE, or not the expected object. */
public class FinesseXmlException extends RuntimeException {
    public FinesseXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
