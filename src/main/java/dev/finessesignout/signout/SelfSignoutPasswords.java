package dev.finessesignout.signout;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.finessesignout.request.RequestRules;
import dev.finessesignout.simulator.SimulatorPasswords;
import org.apache.camel.CamelContext;

/**
 * The passwords of the users who sign themselves out, read once at start. {@code signout.self.users} lists their ids;
 * {@code signout.self.<id>.password} gives each one's password as a reference, never as the password: a Camel property
 * placeholder such as {@code {{env:FINESSE_PASSWORD_SUPERVISORA}}} (an environment variable) or {@code {{key}}} (a key
 * of the secrets file outside the repository, see FinesseSignoutMain), resolved here. A missing or
 * empty password stops the start with a message that names the setting, never a value.
 */
public final class SelfSignoutPasswords {
    /** How Camel names what it could not resolve: "Property with key [env:NAME] ..." */
    private static final Pattern MISSING_KEY = Pattern.compile("key \\[([^\\]]*)\\]");

    private SelfSignoutPasswords() {
    }

    /** User id to password, in the order listed; empty when {@code users} is blank. */
    public static Map<String, String> resolve(CamelContext context, String users) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : Arrays.stream(users.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList()) {
            String problem = RequestRules.userIdProblem(user);
            if (problem != null) {
                throw new IllegalArgumentException("signout.self.users: " + problem);
            }
            passwords.put(user, password(context, user));
        }
        return passwords;
    }

    /** The setting that gives a user's password reference; it ends with "password", so Camel masks its value. */
    public static String setting(String user) {
        return "signout.self." + user + ".password";
    }

    private static String password(CamelContext context, String user) {
        String setting = setting(user);
        String password;
        try {
            password = context.resolvePropertyPlaceholders("{{" + setting + "}}");
        } catch (RuntimeException e) {
            // Camel's message may hold the part of the reference it did resolve: only the key it missed is used
            String missing = missingKey(e);
            if (setting.equals(missing)) {
                throw new IllegalArgumentException(setting + " is not set: give the password reference of self "
                        + "sign-out user " + user + ", e.g. {{env:FINESSE_PASSWORD_"
                        + user.toUpperCase().replaceAll("[^A-Z0-9]", "_") + "}} (see README, Self sign-out)");
            }
            throw new IllegalArgumentException("The password reference " + setting + " of self sign-out user " + user
                    + " could not be resolved: " + whatIsMissing(missing));
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException(setting + " resolves to an empty password for self sign-out user " + user);
        }
        return password;
    }

    private static String missingKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Matcher key = MISSING_KEY.matcher(String.valueOf(cause.getMessage()));
            if (key.find()) {
                return key.group(1);
            }
        }
        return null;
    }

    private static String whatIsMissing(String key) {
        if (key == null) {
            return "it names something that is not there";
        }
        if (key.startsWith("env:")) {
            return "the environment variable " + key.substring(4) + " is not set";
        }
        if (key.startsWith(SimulatorPasswords.NAME + ":")) {
            return "{{" + key + "}} is the sandbox's reference to a simulated user's password: it works only with the "
                    + "built-in simulator (simulator.enabled=true) for a user of its setup file; for a real Finesse "
                    + "give {{env:...}} or a secrets-file key";
        }
        return "no setting or secrets-file key " + key + " was found";
    }
}
