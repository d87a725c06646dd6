package dev.finessesignout.model;

import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * A Finesse User: the full object of GET User, the summary users of a Team, and the sign-out body
 * ({@code <User><state>LOGOUT</state></User>}). Fields left null are not written.
 */
@XmlRootElement(name = "User")
@XmlAccessorType(XmlAccessType.FIELD)
public class User {
    public static final String LOGOUT = "LOGOUT";
    public static final String NOT_READY = "NOT_READY";
    public static final String READY = "READY";

    private String loginId;
    private String loginName;
    private String firstName;
    private String lastName;
    private String extension;
    private String state;
    private String pendingState;
    private String stateChangeTime;
    private String reasonCodeId;
    @XmlElement(name = "ReasonCode")
    private ReasonCode reasonCode;
    private String teamId;
    private String teamName;
    private String uri;
    @XmlElementWrapper(name = "roles")
    @XmlElement(name = "role")
    private List<String> roles;
    /** The teams a supervisor supervises. */
    @XmlElementWrapper(name = "teams")
    @XmlElement(name = "Team")
    private List<Team> teams;

    public User() {
    }

    /** The body of a sign-out request; reasonCodeId may be null. */
    public static User logout(String reasonCodeId) {
        User body = new User();
        body.state = LOGOUT;
        body.reasonCodeId = reasonCodeId;
        return body;
    }

    /** The body of a change to NOT_READY; reasonCodeId (a NOT_READY reason code's database id) may be null. */
    public static User notReady(String reasonCodeId) {
        User body = new User();
        body.state = NOT_READY;
        body.reasonCodeId = reasonCodeId;
        return body;
    }

    public boolean isSignedOut() {
        return LOGOUT.equalsIgnoreCase(state);
    }

    public String getLoginId() { return loginId; }
    public void setLoginId(String loginId) { this.loginId = loginId; }
    public String getLoginName() { return loginName; }
    public void setLoginName(String loginName) { this.loginName = loginName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getExtension() { return extension; }
    public void setExtension(String extension) { this.extension = extension; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    /** Null when nothing is pending; Finesse may send the element empty ({@code <pendingState/>}). */
    public String getPendingState() { return pendingState == null || pendingState.isBlank() ? null : pendingState; }
    public void setPendingState(String pendingState) { this.pendingState = pendingState; }
    public String getStateChangeTime() { return stateChangeTime; }
    public void setStateChangeTime(String stateChangeTime) { this.stateChangeTime = stateChangeTime; }
    public String getReasonCodeId() { return reasonCodeId; }
    public void setReasonCodeId(String reasonCodeId) { this.reasonCodeId = reasonCodeId; }
    public ReasonCode getReasonCode() { return reasonCode; }
    public void setReasonCode(ReasonCode reasonCode) { this.reasonCode = reasonCode; }
    public String getTeamId() { return teamId; }
    public void setTeamId(String teamId) { this.teamId = teamId; }
    public String getTeamName() { return teamName; }
    public void setTeamName(String teamName) { this.teamName = teamName; }
    public String getUri() { return uri; }
    public void setUri(String uri) { this.uri = uri; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public List<Team> getTeams() { return teams; }
    public void setTeams(List<Team> teams) { this.teams = teams; }
}
