package dev.finessesignout.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;

/** One Finesse error; REST bodies spell the names ErrorType..., notifications errorType... (FinesseXml folds case). */
@XmlAccessorType(XmlAccessType.FIELD)
public class ApiError implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    @XmlElement(name = "ErrorType")
    private String errorType;
    @XmlElement(name = "ErrorMessage")
    private String errorMessage;
    @XmlElement(name = "ErrorData")
    private String errorData;
    @XmlElement(name = "ErrorMedia")
    private String errorMedia;
    private String peripheralErrorCode;
    private String peripheralErrorMsg;
    private String peripheralErrorText;
    @XmlElement(name = "Overrideable")
    private String overrideable;

    public ApiError() {
    }

    public ApiError(String errorType, String errorMessage, String errorData) {
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.errorData = errorData;
    }

    public String getErrorType() { return errorType; }
    public String getErrorMessage() { return errorMessage; }
    public String getErrorData() { return errorData; }
    public String getErrorMedia() { return errorMedia; }
    public String getPeripheralErrorCode() { return peripheralErrorCode; }
    public String getPeripheralErrorMsg() { return peripheralErrorMsg; }
    public String getPeripheralErrorText() { return peripheralErrorText; }
    public String getOverrideable() { return overrideable; }

    public boolean isType(String type) {
        return errorType != null && errorType.trim().equalsIgnoreCase(type);
    }

    @Override
    public String toString() {
        return errorType + ": " + errorMessage + (errorData == null || errorData.isBlank() ? "" : " (" + errorData + ")");
    }
}
