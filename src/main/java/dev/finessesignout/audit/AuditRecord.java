package dev.finessesignout.audit;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.finessesignout.model.ApiError;
import dev.finessesignout.request.RequestSource;
import dev.finessesignout.signout.ConfirmedBy;
import dev.finessesignout.signout.Outcome;
import dev.finessesignout.signout.Signout;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * One audit record: everything known about one request when its outcome is final, the same fields in JSON (Jackson)
 * and in XML (JAXB). answeredAt is when the 202 (or other answer) was read, confirmedAt when the proof arrived;
 * confirmationMillis is the time between the two. actingAccount names the account whose credentials the request was
 * sent with: the service account, or the user's own for a self sign-out.
 */
@XmlRootElement(name = "auditRecord")
@XmlAccessorType(XmlAccessType.FIELD)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuditRecord implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private String requestId;
    private String userId;
    /** The Finesse account the request was sent with (a user id, never a password); absent when never to be sent. */
    private String actingAccount;
    private String reasonCodeId;
    @XmlJavaTypeAdapter(XmlForms.SourceForm.class)
    private RequestSource source;
    private Outcome outcome;
    private String detail;
    private ConfirmedBy confirmedBy;
    @XmlJavaTypeAdapter(XmlForms.InstantForm.class)
    private Instant receivedAt;
    @XmlJavaTypeAdapter(XmlForms.InstantForm.class)
    private Instant sentAt;
    /** An agent that signed itself out from READY: when it showed NOT_READY after the bundle set it so. */
    @XmlJavaTypeAdapter(XmlForms.InstantForm.class)
    private Instant notReadyAt;
    @XmlJavaTypeAdapter(XmlForms.InstantForm.class)
    private Instant answeredAt;
    @XmlJavaTypeAdapter(XmlForms.InstantForm.class)
    private Instant pendingSince;
    @XmlJavaTypeAdapter(XmlForms.InstantForm.class)
    private Instant confirmedAt;
    private Long confirmationMillis;
    @XmlJavaTypeAdapter(XmlForms.InstantForm.class)
    private Instant recordedAt;
    private String finesseNode;
    private String finesseUrl;
    private Integer httpStatus;
    private int attempts;
    private String onCallPolicy;
    @XmlJavaTypeAdapter(XmlForms.InstantForm.class)
    private Instant deferredSince;
    private String deferredCallState;
    private Boolean deferralLimitReached;
    @XmlElement(name = "finesseError")
    private List<FinesseError> finesseErrors;

    /** For JAXB and Jackson. */
    AuditRecord() {
    }

    public static AuditRecord of(Signout signout) {
        AuditRecord record = new AuditRecord();
        var request = signout.getRequest();
        record.requestId = request.requestId();
        record.userId = request.userId();
        record.actingAccount = signout.getAccount();
        record.reasonCodeId = request.reasonCodeId();
        record.source = request.source();
        record.outcome = signout.getOutcome();
        record.detail = signout.getDetail();
        record.confirmedBy = signout.getConfirmedBy();
        record.receivedAt = request.receivedAt();
        record.sentAt = signout.getSentAt();
        record.notReadyAt = signout.getNotReadyAt();
        record.answeredAt = signout.getAnsweredAt();
        record.pendingSince = signout.getPendingSince();
        record.confirmedAt = signout.getConfirmedAt();
        record.confirmationMillis = signout.getConfirmationMillis();
        record.recordedAt = Instant.now();
        record.finesseNode = signout.getFinesseNode();
        record.finesseUrl = signout.getFinesseUrl();
        record.httpStatus = signout.getHttpStatus();
        record.attempts = signout.getAttempts();
        if (request.onCall() != null) {
            record.onCallPolicy = request.onCall().policy();
            record.deferredSince = request.onCall().deferredSince();
            record.deferredCallState = request.onCall().callState();
            record.deferralLimitReached = request.onCall().limitReached();
        }
        List<FinesseError> errors = signout.getFinesseErrors().stream().map(FinesseError::of).toList();
        record.finesseErrors = errors.isEmpty() ? null : errors;
        return record;
    }

    public String requestId() { return requestId; }
    public String userId() { return userId; }
    public String reasonCodeId() { return reasonCodeId; }
    public String actingAccount() { return actingAccount; }
    public RequestSource source() { return source; }
    public Outcome outcome() { return outcome; }
    public String detail() { return detail; }
    public ConfirmedBy confirmedBy() { return confirmedBy; }
    public Instant receivedAt() { return receivedAt; }
    public Instant sentAt() { return sentAt; }
    public Instant answeredAt() { return answeredAt; }
    public Long confirmationMillis() { return confirmationMillis; }
    public Instant recordedAt() { return recordedAt; }
    public String finesseNode() { return finesseNode; }
    public String onCallPolicy() { return onCallPolicy; }
    public Instant deferredSince() { return deferredSince; }

    /** Finesse's own error, field for field. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class FinesseError implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private String errorType;
        private String errorMessage;
        private String errorData;
        private String errorMedia;
        private String peripheralErrorCode;
        private String peripheralErrorMsg;
        private String peripheralErrorText;

        static FinesseError of(ApiError e) {
            FinesseError error = new FinesseError();
            error.errorType = e.getErrorType();
            error.errorMessage = e.getErrorMessage();
            error.errorData = e.getErrorData();
            error.errorMedia = e.getErrorMedia();
            error.peripheralErrorCode = e.getPeripheralErrorCode();
            error.peripheralErrorMsg = e.getPeripheralErrorMsg();
            error.peripheralErrorText = e.getPeripheralErrorText();
            return error;
        }
    }
}
