package dev.finessesignout.request;

import java.util.regex.Pattern;

/**
 * What a request must look like before anything is sent. A user id ends up in the URL path
 * {@code /finesse/api/User/{id}}, so anything that could change that path is refused, not escaped.
 */
public final class RequestRules {
    public static final int MAX_USER_ID_LENGTH = 64;
    /** Digits (UCCE) or text (UCCX) login ids; nothing that is special in a URL path. */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]+");
    private static final Pattern REASON_CODE_ID = Pattern.compile("[0-9]{1,10}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestRules() {
    }

    /** Null when the id is acceptable, otherwise the reason in plain words. */
    public static String userIdProblem(String userId) {
        if (userId == null || userId.isEmpty()) {
            return "the user id is missing";
        }
        String shown = Display.quote(userId);
        if (userId.length() > MAX_USER_ID_LENGTH) {
            return "user id " + shown + " is " + userId.length() + " characters long; at most " + MAX_USER_ID_LENGTH
                    + " are allowed";
        }
        if (userId.contains("/")) {
            return "user id " + shown + " contains '/', which would change the Finesse URL";
        }
        if (userId.contains("..")) {
            return "user id " + shown + " contains '..', which would change the Finesse URL";
        }
        if (userId.contains("%")) {
            return "user id " + shown + " contains '%' (URL encoding is not allowed in a user id)";
        }
        if (userId.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return "user id " + shown + " contains white space";
        }
        if (userId.chars().anyMatch(Character::isISOControl)) {
            return "user id " + shown + " contains control characters";
        }
        if (!USER_ID.matcher(userId).matches()) {
            return "user id " + shown + " contains characters other than letters, digits, '.', '_', '@' and '-'";
        }
        return null;
    }

    public static String reasonCodeIdProblem(String reasonCodeId) {
        if (reasonCodeId == null || REASON_CODE_ID.matcher(reasonCodeId).matches()) {
            return null;
        }
        return "reason code id " + Display.quote(reasonCodeId)
                + " is not a number (it is the database id of a LOGOUT reason code)";
    }

    public static String requestIdProblem(String requestId) {
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            return null;
        }
        return "request id " + Display.quote(requestId) + " is missing or not 1 to 100 letters, digits, '.', '_', ':' or '-'";
    }
}
