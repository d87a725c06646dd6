package dev.finessesignout.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulated deployment, read from a JSON file: users, teams, reason codes and the behaviours that vary. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimulatorSetup(String xmppDomain, Integer lockoutAttempts, Integer lockoutSeconds,
        AlreadySignedOut alreadySignedOutError, ReasonCodeRule reasonCodeRequired, Boolean alternateErrorTypes,
        List<ReasonCodeEntry> logoutReasonCodes, List<TeamEntry> teams, List<UserEntry> users,
        Map<String, Faults.Spec> faults, NotificationStyle notifications, Long callEndMillis,
        List<ReasonCodeEntry> notReadyReasonCodes, List<String> certificateNames) {

    /** The two documented answers to a LOGOUT for a user who is already signed out. */
    public enum AlreadySignedOut { INVALID_STATE, INVALID_INPUT }

    /** Which sign-outs need a reason code: none, a user's own, or every one. */
    public enum ReasonCodeRule { NONE, SELF, ALL }

    public enum Role { AGENT, SUPERVISOR }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReasonCodeEntry(String id, String code, String label) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamEntry(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserEntry(String id, String loginName, String firstName, String lastName, String password, Role role,
            String teamId, List<String> supervises, String state, String extension) {
    }

    public static SimulatorSetup read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), SimulatorSetup.class);
    }

    public int lockoutAttemptsOrDefault() {
        return lockoutAttempts == null ? 5 : lockoutAttempts;
    }

    public int lockoutSecondsOrDefault() {
        return lockoutSeconds == null ? 300 : lockoutSeconds;
    }

    /**
     * The names the HTTPS and XMPP certificate lists: by default the host it listens on, localhost, 127.0.0.1 and the
     * XMPP domain; another list makes a certificate issued for other names (e.g. a node's FQDN only).
     */
    public List<String> certificateNamesOr(String host) {
        return certificateNames != null ? certificateNames
                : List.of(host, "localhost", "127.0.0.1", xmppDomainOrDefault());
    }

    public String xmppDomainOrDefault() {
        return xmppDomain == null ? "finesse.example.com" : xmppDomain;
    }

    public AlreadySignedOut alreadySignedOutOrDefault() {
        return alreadySignedOutError == null ? AlreadySignedOut.INVALID_STATE : alreadySignedOutError;
    }

    public ReasonCodeRule reasonCodeRequiredOrDefault() {
        return reasonCodeRequired == null ? ReasonCodeRule.NONE : reasonCodeRequired;
    }

    /**
     * The contract lists two spellings for several errors; false gives the first (User Not Found, Bad Request,
     * Internal Server Error, Service Unavailable), true the second (Not Found, Generic Error, RUNTIME_EXCEPTION,
     * SERVER_OUT_OF_SERVICE).
     */
    public boolean alternateErrorTypesOrDefault() {
        return Boolean.TRUE.equals(alternateErrorTypes);
    }

    public SimulatorSetup with(AlreadySignedOut already, ReasonCodeRule reasonRule, boolean alternateTypes) {
        return new SimulatorSetup(xmppDomain, lockoutAttempts, lockoutSeconds, already, reasonRule, alternateTypes,
                logoutReasonCodes, teams, users, faults, notifications, callEndMillis, notReadyReasonCodes,
                certificateNames);
    }

    /** The same deployment with other NOT_READY reason codes (none: every reason code in a NOT_READY is refused). */
    public SimulatorSetup withNotReadyReasonCodes(List<ReasonCodeEntry> codes) {
        return new SimulatorSetup(xmppDomain, lockoutAttempts, lockoutSeconds, alreadySignedOutError, reasonCodeRequired,
                alternateErrorTypes, logoutReasonCodes, teams, users, faults, notifications, callEndMillis, codes,
                certificateNames);
    }

    /** How long after a supervisor's sign-out an agent's call (TALKING, HOLD) ends; 0 = the sign-out is immediate. */
    public long callEndMillisOrDefault() {
        return callEndMillis == null ? 0 : callEndMillis;
    }

    public NotificationStyle notificationsOrDefault() {
        return notifications == null ? NotificationStyle.defaults() : notifications;
    }

    /** Faults a side shows from the start (key A or B), as the admin API would set them. */
    public Faults.Spec faultsOf(String side) {
        return faults == null ? null : faults.get(side);
    }
}
