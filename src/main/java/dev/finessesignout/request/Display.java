package dev.finessesignout.request;

/** Shows untrusted text in a log line or an error safely: control characters escaped, long values cut. */
public final class Display {
    private static final int MAX_SHOWN = 80;

    private Display() {
    }

    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder("'");
        int limit = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append('\'');
        if (value.length() > MAX_SHOWN) {
            shown.append("... (").append(value.length()).append(" characters)");
        }
        return shown.toString();
    }
}
