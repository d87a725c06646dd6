package dev.finessesignout.simulator;

import java.time.Instant;
import java.util.List;

import dev.finessesignout.model.ReasonCode;
import dev.finessesignout.model.Team;
import dev.finessesignout.model.User;
import dev.finessesignout.simulator.SimulatorSetup.Role;
import dev.finessesignout.simulator.SimulatorSetup.UserEntry;

/** A user of the simulated Finesse with its live state and its failed-login count. */
final class SimulatedUser {
    final UserEntry entry;
    String state;
    /** LOGOUT while a supervisor's sign-out waits for the agent's call to end. */
    String pendingState;
    Instant stateChangeTime = Instant.now();
    String reasonCodeId;
    ReasonCode reasonCode;
    int failedLogins;
    Instant lockedUntil;

    SimulatedUser(UserEntry entry) {
        this.entry = entry;
        this.state = entry.state() == null ? "LOGOUT" : entry.state();
    }

    String id() {
        return entry.id();
    }

    boolean isSupervisor() {
        return entry.role() == Role.SUPERVISOR;
    }

    boolean supervises(String teamId) {
        return isSupervisor() && entry.supervises() != null && entry.supervises().contains(teamId);
    }

    void changeState(String newState, String newReasonCodeId, ReasonCode newReasonCode) {
        state = newState;
        pendingState = null;
        reasonCodeId = newReasonCodeId;
        reasonCode = newReasonCode;
        stateChangeTime = Instant.now();
    }

    /** The User object as GET User shows it ({@code full}) or as a Team lists it. */
    User view(boolean full, List<Team> supervisedTeams) {
        User user = new User();
        user.setLoginId(entry.id());
        user.setLoginName(entry.loginName());
        user.setFirstName(entry.firstName());
        user.setLastName(entry.lastName());
        user.setExtension(entry.extension());
        user.setState(state);
        user.setPendingState(pendingState);
        user.setStateChangeTime(stateChangeTime.toString());
        user.setReasonCodeId(reasonCodeId);
        user.setUri("/finesse/api/User/" + entry.id());
        if (full) {
            user.setReasonCode(reasonCode);
            user.setTeamId(entry.teamId());
            user.setRoles(isSupervisor() ? List.of("Agent", "Supervisor") : List.of("Agent"));
            user.setTeams(isSupervisor() ? supervisedTeams : null);
        }
        return user;
    }
}
