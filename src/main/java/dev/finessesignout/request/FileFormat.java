package dev.finessesignout.request;

import java.util.Locale;

/** The formats of a dropped file, told by its extension; the content must agree. */
public enum FileFormat {
    CSV, XML, JSON;

    public static FileFormat of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") ? XML : name.endsWith(".json") ? JSON : CSV;
    }

    /** Null when a document starting with this character may be of this format, otherwise the problem. */
    String contentProblem(int first) {
        String holds = first == '<' ? "XML" : first == '{' || first == '[' ? "JSON" : "CSV text";
        boolean fits = switch (this) {
            case CSV -> first != '<' && first != '{' && first != '[';
            case XML -> first == '<';
            case JSON -> first == '{' || first == '[';
        };
        return fits ? null : "it is named ." + name().toLowerCase(Locale.ROOT) + " but holds " + holds
                + "; give it the extension of its content";
    }
}
