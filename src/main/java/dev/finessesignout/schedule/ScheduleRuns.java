package dev.finessesignout.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.finessesignout.model.Team;
import dev.finessesignout.model.User;
import dev.finessesignout.request.OnCall;
import dev.finessesignout.request.RequestSource;
import dev.finessesignout.request.SignoutRequest;
import dev.finessesignout.signout.OnCallPolicy;
import dev.finessesignout.signout.Outcome;
import dev.finessesignout.signout.Signout;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The steps of a schedule run: its settings checked, its targets found (named users, or the signed-in users of
 * named teams or of every supervised team, from GET Team), then one request per user, or a dry-run report.
 */
public class ScheduleRuns {
    public static final String RUN = "scheduleRun";
    private static final java.util.regex.Pattern TEAM_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** In UTC to the millisecond: a clock put back (daylight saving) never gives two runs one id. */
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneId.of("UTC"));

    /** Starts a run; a schedule whose settings make no sense fails with the reason (logged and audited). */
    public ScheduleRun start(String name, String users, String teams, boolean supervisedTeams, boolean dryRun,
            String onCall, long deferLimitMillis) {
        List<String> userIds = list(users);
        List<String> teamIds = list(teams);
        int targets = (userIds.isEmpty() ? 0 : 1) + (teamIds.isEmpty() ? 0 : 1) + (supervisedTeams ? 1 : 0);
        if (targets != 1) {
            throw new IllegalArgumentException("schedule " + name + " must name exactly one target: users, teams, "
                    + "or supervisedTeams=true (it names " + targets + ")");
        }
        for (String team : teamIds) {
            if (!TEAM_ID.matcher(team).matches()) {
                throw new IllegalArgumentException("schedule " + name + ": team id '" + team
                        + "' is not letters, digits, '_' or '-'");
            }
        }
        if (!OnCall.DEFER.equals(onCall) && !OnCall.FORCE.equals(onCall)) {
            throw new IllegalArgumentException("schedule " + name + ": onCall is '" + onCall
                    + "'; it must be defer or force");
        }
        return new ScheduleRun(name, name + "-" + RUN_TIME.format(Instant.now()), userIds, teamIds, supervisedTeams,
                dryRun, onCall, deferLimitMillis);
    }

    public void supervisedTeamsFound(@Body List<String> teams, @ExchangeProperty(RUN) ScheduleRun run) {
        run.getTeams().addAll(teams);
    }

    /** The team's users still signed in become targets. */
    public void teamListed(@Body Team team, @ExchangeProperty(RUN) ScheduleRun run) {
        for (User user : team.getUsers() == null ? List.<User>of() : team.getUsers()) {
            if (!User.LOGOUT.equals(user.getState())) {
                run.add(new ScheduleRun.Target(user.getLoginId(), team.getId(), user.getState()));
            }
        }
    }

    public void teamFailed(@ExchangeProperty("finesseTeamId") String teamId, @ExchangeProperty(RUN) ScheduleRun run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        run.problem("team " + teamId + " could not be listed, so none of its users was signed out: "
                + cause.getMessage());
    }

    /** One request per target; a deferring request may wait for a call to end until the run's limit. */
    public List<SignoutRequest> requests(@ExchangeProperty(RUN) ScheduleRun run) {
        List<SignoutRequest> requests = new ArrayList<>();
        Instant deferUntil = run.getStartedAt().plusMillis(run.getDeferLimitMillis());
        for (ScheduleRun.Target target : run.getTargets()) {
            requests.add(new SignoutRequest(requestId(run, target.userId()), target.userId(), null,
                    source(run, requests.size() + 1), Instant.now(),
                    new OnCall(run.getOnCall(), deferUntil, null, null, null, null)));
        }
        return requests;
    }

    /** A problem of the run as an audit record: FAILED, naming the schedule, counted in the run's batch. */
    public void problemRecorded(Exchange exchange) {
        ScheduleRun run = exchange.getProperty(RUN, ScheduleRun.class);
        String problem = exchange.getIn().getBody(String.class);
        Signout signout = new Signout(new SignoutRequest(requestId(run, "problem|" + problem), null, null,
                source(run, null), Instant.now()));
        signout.finish(Outcome.FAILED, "schedule " + run.getName() + ": " + problem);
        exchange.setProperty(Signout.PROPERTY, signout);
    }

    /** What the run would do: one line per user with the state Finesse showed, and the problems. */
    public String dryRunReport(@ExchangeProperty(RUN) ScheduleRun run) {
        StringBuilder report = new StringBuilder("\uFEFFuser_id,team_id,state,would\r\n");
        for (ScheduleRun.Target target : run.getTargets()) {
            report.append(target.userId()).append(',').append(blank(target.teamId())).append(',')
                    .append(target.state() == null ? "not looked up" : target.state()).append(',')
                    .append(would(run, target.state())).append("\r\n");
        }
        run.getProblems().forEach(problem -> report.append(",,,\"").append(problem.replace("\"", "\"\""))
                .append("\"\r\n"));
        return report.toString();
    }

    private static String would(ScheduleRun run, String state) {
        if (state == null || !OnCallPolicy.ON_A_CALL.contains(state)) {
            return "sign out now";
        }
        return OnCall.FORCE.equals(run.getOnCall()) ? "sign out now; Finesse holds it pending until the call ends"
                : "wait for the call to end (up to " + Duration.ofMillis(run.getDeferLimitMillis()).toMinutes()
                        + " min), then sign out";
    }

    private static RequestSource source(ScheduleRun run, Integer position) {
        return new RequestSource("schedule", null, position, null, run.getName(), run.getId());
    }

    private static String requestId(ScheduleRun run, String key) {
        return SignoutRequest.derivedId("schedule", run.getId(), key);
    }

    private static List<String> list(String ids) {
        return ids == null ? List.of() : Arrays.stream(ids.split("\\s*,\\s*")).map(String::strip)
                .filter(id -> !id.isEmpty()).toList();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
