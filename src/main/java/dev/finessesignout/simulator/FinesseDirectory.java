package dev.finessesignout.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.finessesignout.model.ApiError;
import dev.finessesignout.model.ReasonCode;
import dev.finessesignout.model.SystemInfo;
import dev.finessesignout.model.Team;
import dev.finessesignout.model.User;
import dev.finessesignout.simulator.SimulatorSetup.AlreadySignedOut;
import dev.finessesignout.simulator.SimulatorSetup.ReasonCodeRule;
import dev.finessesignout.simulator.SimulatorSetup.ReasonCodeEntry;
import dev.finessesignout.simulator.SimulatorSetup.TeamEntry;
import dev.finessesignout.simulator.SimulatorSetup.UserEntry;

/**
 * The state both simulated nodes share, and Finesse's rules for it: Basic authentication with lock-out, who may sign
 * whom out, and the documented answers (contract sections 1 to 3). Every method is atomic.
 */
public final class FinesseDirectory {
    static final Set<String> ON_A_CALL = Set.of("TALKING", "HOLD");
    static final Set<String> SIGNED_IN_STATES = Set.of("READY", "NOT_READY", "RESERVED", "RESERVED_OUTBOUND",
            "RESERVED_OUTBOUND_PREVIEW", "TALKING", "HOLD", "WORK", "WORK_READY");
    private static final ReasonCode SUPERVISOR_FORCED = new ReasonCode(null, "LOGOUT", "999", "Forced by supervisor");

    private SimulatorSetup setup;
    private final Map<String, SimulatedUser> users = new LinkedHashMap<>();
    private Consumer<UserChange> changes = change -> { };
    private long callEndMillis;
    private final ScheduledExecutorService calls = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "finesse-simulator-calls");
        thread.setDaemon(true);
        return thread;
    });

    public FinesseDirectory(SimulatorSetup setup) {
        reset(setup);
    }

    /** Back to the state the setup describes: every user in its initial state, no failed logins. */
    public synchronized void reset(SimulatorSetup newSetup) {
        setup = newSetup;
        callEndMillis = newSetup.callEndMillisOrDefault();
        users.clear();
        for (UserEntry entry : setup.users()) {
            users.put(entry.id(), new SimulatedUser(entry));
        }
    }

    /** Tells {@code listener} of every state change, in order, while the change's lock is held. */
    public synchronized void onChange(Consumer<UserChange> listener) {
        changes = listener;
    }

    private void changed(SimulatedUser user, String requestId) {
        changes.accept(new UserChange(user.view(false, null), user.entry.teamId(), requestId));
    }

    public synchronized SimulatorSetup setup() {
        return setup;
    }

    /** The authenticated user, or null when the credentials are wrong, unknown or the account is locked. */
    synchronized SimulatedUser authenticate(String authorization) {
        String[] credentials = basicCredentials(authorization);
        if (credentials == null) {
            return null;
        }
        SimulatedUser user = users.get(credentials[0]);
        if (user == null) {
            return null;
        }
        Instant now = Instant.now();
        if (user.lockedUntil != null && now.isBefore(user.lockedUntil)) {
            return null;
        }
        if (!user.entry.password().equals(credentials[1])) {
            user.failedLogins++;
            if (user.failedLogins >= setup.lockoutAttemptsOrDefault()) {
                user.lockedUntil = now.plus(Duration.ofSeconds(setup.lockoutSecondsOrDefault()));
                user.failedLogins = 0;
            }
            return null;
        }
        user.failedLogins = 0;
        user.lockedUntil = null;
        return user;
    }

    synchronized Answer changeState(SimulatedUser actor, String targetId, User body, String requestId,
            boolean failAsynchronously) {
        if (failAsynchronously && users.containsKey(targetId)) {
            // accepted, then refused in a notification: the state stays as it was
            SimulatedUser target = users.get(targetId);
            changes.accept(new UserChange(target.view(false, null), target.entry.teamId(), requestId,
                    new ApiError("Invalid State", "Cannot change state of user " + targetId + " to " + body.getState(),
                            targetId)));
            return Answer.of(202, null);
        }
        Answer answer = changeStateUnnotified(actor, targetId, body);
        if (answer.status() == 202) {
            changed(users.get(targetId), requestId); // the new state, or the pending sign-out
        }
        return answer;
    }

    private Answer changeStateUnnotified(SimulatedUser actor, String targetId, User body) {
        SimulatedUser target = users.get(targetId);
        if (target == null) {
            return Answer.error(404, spelling("User Not Found", "Not Found"), "User " + targetId + " not found", targetId);
        }
        boolean self = actor == target;
        if (!self && !actor.isSupervisor()) {
            return Answer.error(401, "Invalid Authorization User Specified",
                    "User " + actor.id() + " may not change the state of user " + targetId, targetId);
        }
        if (!self && !actor.supervises(target.entry.teamId())) {
            return Answer.error(401, "Invalid Supervisor", "User " + actor.id() + " does not supervise the team of user "
                    + targetId, target.entry.teamId());
        }
        String wanted = body.getState() == null ? "" : body.getState().trim().toUpperCase();
        if (User.LOGOUT.equals(wanted)) {
            return signOut(actor, target, self, body.getReasonCodeId());
        }
        if (self && "READY".equals(wanted) && SIGNED_IN_STATES.contains(target.state)) {
            target.changeState(wanted, null, null);
            return Answer.of(202, null);
        }
        if (self && "NOT_READY".equals(wanted) && SIGNED_IN_STATES.contains(target.state)) {
            return notReady(target, body.getReasonCodeId());
        }
        return Answer.error(400, "Invalid State", "Cannot change state from " + target.state + " to " + wanted, "state");
    }

    private Answer signOut(SimulatedUser actor, SimulatedUser target, boolean self, String reasonCodeId) {
        if (User.LOGOUT.equals(target.state)) {
            return setup.alreadySignedOutOrDefault() == AlreadySignedOut.INVALID_INPUT
                    ? Answer.error(400, "Invalid Input", "User " + target.id() + " is already in state LOGOUT", "state")
                    : Answer.error(400, "Invalid State", "Cannot change state from LOGOUT to LOGOUT", "state");
        }
        if (self && !actor.isSupervisor() && !"NOT_READY".equals(target.state)) {
            return Answer.error(400, "Invalid State", "Cannot change state from " + target.state
                    + " to LOGOUT; change to NOT_READY first", "state");
        }
        ReasonCodeRule rule = setup.reasonCodeRequiredOrDefault();
        boolean required = rule == ReasonCodeRule.ALL || rule == ReasonCodeRule.SELF && self;
        if (required && (reasonCodeId == null || reasonCodeId.isBlank())) {
            return Answer.error(400, "Parameter Missing", "finesse.api.reasoncode.require_reasoncode", "reasonCodeId");
        }
        if (!self && callEndMillis > 0 && ON_A_CALL.contains(target.state)) {
            // not immediate: pending until the call ends, then signed out (an unsolicited change)
            target.pendingState = User.LOGOUT;
            calls.schedule(() -> endCall(target), callEndMillis, TimeUnit.MILLISECONDS);
            return Answer.of(202, null);
        }
        if (!self) {
            target.changeState(User.LOGOUT, null, SUPERVISOR_FORCED);
            return Answer.of(202, null);
        }
        ReasonCode code = null;
        if (reasonCodeId != null && !reasonCodeId.isBlank()) {
            code = logoutReasonCode(reasonCodeId);
            if (code == null) {
                return Answer.error(400, "Invalid Input", "Reason code " + reasonCodeId + " is not a LOGOUT reason code",
                        "reasonCodeId");
            }
        }
        target.changeState(User.LOGOUT, code == null ? null : reasonCodeId, code);
        return Answer.of(202, null);
    }

    /** A user's own change to NOT_READY, with an optional NOT_READY reason code (its database id). */
    private Answer notReady(SimulatedUser target, String reasonCodeId) {
        ReasonCode code = null;
        if (reasonCodeId != null && !reasonCodeId.isBlank()) {
            code = reasonCode(setup.notReadyReasonCodes(), "NOT_READY", reasonCodeId);
            if (code == null) {
                return Answer.error(400, "Invalid Input", "Reason code " + reasonCodeId
                        + " is not a NOT_READY reason code", "reasonCodeId");
            }
        }
        target.changeState("NOT_READY", code == null ? null : reasonCodeId, code);
        return Answer.of(202, null);
    }

    private synchronized void endCall(SimulatedUser target) {
        if (users.get(target.id()) == target && User.LOGOUT.equals(target.pendingState)) {
            target.changeState(User.LOGOUT, null, SUPERVISOR_FORCED);
            changed(target, null);
        }
    }

    private static final List<String> TRAFFIC_STATES = List.of("READY", "NOT_READY", "TALKING");
    private int trafficCursor;

    /**
     * One unrelated state change: the next signed-in agent of {@code teamId} not in {@code excluded} moves on to its
     * next state among READY, NOT_READY and TALKING, unsolicited. False when the team has no such agent.
     */
    public synchronized boolean trafficStep(String teamId, java.util.Collection<String> excluded) {
        List<SimulatedUser> candidates = users.values().stream()
                .filter(u -> teamId.equals(u.entry.teamId()) && !u.isSupervisor() && !excluded.contains(u.id()))
                .filter(u -> SIGNED_IN_STATES.contains(u.state) && u.pendingState == null).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        SimulatedUser user = candidates.get(trafficCursor++ % candidates.size());
        int at = TRAFFIC_STATES.indexOf(user.state);
        user.changeState(TRAFFIC_STATES.get((at + 1) % TRAFFIC_STATES.size()), null, null);
        changed(user, null);
        return true;
    }

    /** From now on a supervisor's sign-out of an agent on a call waits this long (0 = immediate). */
    public synchronized void callEnd(java.time.Duration afterSignOut) {
        callEndMillis = afterSignOut.toMillis();
    }

    synchronized Answer user(SimulatedUser actor, String id) {
        SimulatedUser target = users.get(id);
        if (target == null) {
            return Answer.error(404, spelling("User Not Found", "Not Found"), "User " + id + " not found", id);
        }
        if (actor != target && !actor.supervises(target.entry.teamId())) {
            return Answer.error(401, "Invalid Authorization User Specified", "User " + actor.id()
                    + " may not read user " + id, id);
        }
        return Answer.of(200, target.view(true, supervisedTeams(target)));
    }

    synchronized Answer team(SimulatedUser actor, String teamId, boolean includeLoggedOut) {
        TeamEntry entry = setup.teams().stream().filter(t -> t.id().equals(teamId)).findFirst().orElse(null);
        if (entry == null) {
            return Answer.error(404, "Not Found", "Team " + teamId + " not found", teamId);
        }
        if (!actor.supervises(teamId)) {
            return Answer.error(401, "Invalid Supervisor", "User " + actor.id() + " does not supervise team " + teamId,
                    teamId);
        }
        Team team = new Team(entry.id(), entry.name());
        team.setUsers(users.values().stream()
                .filter(u -> teamId.equals(u.entry.teamId()))
                .filter(u -> includeLoggedOut || !User.LOGOUT.equals(u.state))
                .map(u -> u.view(false, null)).toList());
        return Answer.of(200, team);
    }

    /** The team with its signed-in users, as a whole-team notification carries it; null for an unknown team. */
    synchronized Team teamView(String teamId) {
        TeamEntry entry = setup.teams().stream().filter(t -> t.id().equals(teamId)).findFirst().orElse(null);
        if (entry == null) {
            return null;
        }
        Team team = new Team(entry.id(), entry.name());
        team.setUsers(users.values().stream().filter(u -> teamId.equals(u.entry.teamId()))
                .filter(u -> !User.LOGOUT.equals(u.state)).map(u -> u.view(false, null)).toList());
        return team;
    }

    SystemInfo systemInfo(String status, String primaryHost, String secondaryHost) {
        return new SystemInfo(status, setup.xmppDomainOrDefault(), primaryHost, secondaryHost, Instant.now().toString());
    }

    /** For the admin API and tests: a user as GET User shows it, plus its lock-out state. */
    public synchronized Map<String, Object> describe(String id) {
        SimulatedUser user = users.get(id);
        if (user == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id());
        view.put("state", user.state);
        view.put("pendingState", user.pendingState);
        view.put("reasonCodeId", user.reasonCodeId);
        view.put("stateChangeTime", user.stateChangeTime.toString());
        view.put("failedLogins", user.failedLogins);
        view.put("locked", user.lockedUntil != null && Instant.now().isBefore(user.lockedUntil));
        return view;
    }

    public synchronized String state(String id) {
        SimulatedUser user = users.get(id);
        return user == null ? null : user.state;
    }

    /** Sets a user's state directly, as an agent's own desktop would. */
    public synchronized boolean setState(String id, String state) {
        SimulatedUser user = users.get(id);
        if (user == null) {
            return false;
        }
        user.changeState(state, null, null);
        changed(user, null);
        return true;
    }

    /** The first or the second of two documented spellings of an error type, as the setup chooses. */
    synchronized String spelling(String first, String second) {
        return setup.alternateErrorTypesOrDefault() ? second : first;
    }

    private ReasonCode logoutReasonCode(String id) {
        return reasonCode(setup.logoutReasonCodes(), "LOGOUT", id);
    }

    private static ReasonCode reasonCode(List<ReasonCodeEntry> configured, String category, String id) {
        List<ReasonCodeEntry> codes = configured == null ? List.of() : configured;
        return codes.stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> new ReasonCode(c.id(), category, c.code(), c.label())).orElse(null);
    }

    private List<Team> supervisedTeams(SimulatedUser user) {
        if (!user.isSupervisor() || user.entry.supervises() == null) {
            return null;
        }
        return setup.teams().stream().filter(t -> user.entry.supervises().contains(t.id()))
                .map(t -> new Team(t.id(), t.name())).toList();
    }

    /** The user name of Basic credentials, or null. */
    static String basicUser(String authorization) {
        String[] credentials = basicCredentials(authorization);
        return credentials == null ? null : credentials[0];
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
