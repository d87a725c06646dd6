package dev.finessesignout.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a named schedule: its settings, the users it found to sign out (each once, with the team and state
 * Finesse showed) and the problems it met finding them (a team that could not be listed).
 */
public class ScheduleRun {
    private final String name;
    private final String id;
    private final Instant startedAt = Instant.now();
    private final List<String> users;
    private final List<String> teams;
    private final boolean supervisedTeams;
    private final boolean dryRun;
    private final String onCall;
    private final long deferLimitMillis;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    ScheduleRun(String name, String id, List<String> users, List<String> teams, boolean supervisedTeams,
            boolean dryRun, String onCall, long deferLimitMillis) {
        this.name = name;
        this.id = id;
        this.users = users;
        this.teams = new ArrayList<>(teams);
        this.supervisedTeams = supervisedTeams;
        this.dryRun = dryRun;
        this.onCall = onCall;
        this.deferLimitMillis = deferLimitMillis;
        users.forEach(user -> targets.put(user, new Target(user, null, null)));
    }

    /** A user to sign out; team and state are known when the user was found on a team. */
    public record Target(String userId, String teamId, String state) {
    }

    void add(Target target) {
        targets.putIfAbsent(target.userId(), target);
    }

    void problem(String problem) {
        problems.add(problem);
    }

    public String getName() { return name; }
    public String getId() { return id; }
    public Instant getStartedAt() { return startedAt; }
    public List<String> getTeams() { return teams; }
    public boolean isSupervisedTeams() { return supervisedTeams; }
    public boolean isDryRun() { return dryRun; }
    public String getOnCall() { return onCall; }
    public long getDeferLimitMillis() { return deferLimitMillis; }
    public List<Target> getTargets() { return List.copyOf(targets.values()); }
    public List<String> getProblems() { return problems; }

    /** In words, for the log: what the run signs out, and how. */
    public String getDescription() {
        String target = !users.isEmpty() ? "users " + String.join(",", users) : supervisedTeams
                ? "everyone signed in on the supervised teams" : "the signed-in users of teams " + String.join(",", teams);
        return "run " + id + " signs out " + target + ", on a call: " + onCall + (dryRun ? " (dry run)" : "");
    }
}
