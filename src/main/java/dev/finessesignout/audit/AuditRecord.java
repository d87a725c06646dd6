package dev.finessesignout.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.finessesignout.model.ApiError;
import dev.finessesignout.request.RequestSource;
import dev.finessesignout.signout.ConfirmedBy;
import dev.finessesignout.signout.Outcome;
import dev.finessesignout.signout.Signout;

/**
 * One line of the audit file: everything known about one request when its outcome is final. answeredAt is when the
 * 202 (or other answer) was read, confirmedAt when the proof arrived; confirmationMillis is the time between the two.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(String requestId, String userId, String reasonCodeId, RequestSource source,
        Outcome outcome, String detail, ConfirmedBy confirmedBy, Instant receivedAt, Instant sentAt, Instant answeredAt,
        Instant pendingSince, Instant confirmedAt, Long confirmationMillis, Instant recordedAt, String finesseNode,
        String finesseUrl, Integer httpStatus, int attempts, List<FinesseError> finesseErrors)
        implements java.io.Serializable {

    public static AuditRecord of(Signout signout) {
        var request = signout.getRequest();
        List<FinesseError> errors = signout.getFinesseErrors().stream().map(FinesseError::of).toList();
        return new AuditRecord(request.requestId(), request.userId(), request.reasonCodeId(), request.source(),
                signout.getOutcome(), signout.getDetail(), signout.getConfirmedBy(), request.receivedAt(),
                signout.getSentAt(), signout.getAnsweredAt(), signout.getPendingSince(), signout.getConfirmedAt(),
                signout.getConfirmationMillis(), Instant.now(), signout.getFinesseNode(), signout.getFinesseUrl(),
                signout.getHttpStatus(), signout.getAttempts(), errors.isEmpty() ? null : errors);
    }

    /** Finesse's own error, field for field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FinesseError(String errorType, String errorMessage, String errorData, String errorMedia,
            String peripheralErrorCode, String peripheralErrorMsg, String peripheralErrorText)
            implements java.io.Serializable {
        static FinesseError of(ApiError e) {
            return new FinesseError(e.getErrorType(), e.getErrorMessage(), e.getErrorData(), e.getErrorMedia(),
                    e.getPeripheralErrorCode(), e.getPeripheralErrorMsg(), e.getPeripheralErrorText());
        }
    }
}
