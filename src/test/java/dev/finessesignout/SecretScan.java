package dev.finessesignout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for passwords in text files: as they are, and inside anything Base64 (an Authorization: Basic header, a SASL
 * PLAIN login), which a plain search would miss. Reports the file and the account, never the password itself.
 */
public final class SecretScan {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}");
    private static final Set<String> TEXT = Set.of("txt", "log", "jsonl", "json", "xml", "csv", "properties", "out");
    private final Map<String, String> secrets;
    private int filesRead;

    /** @param secrets password to the account it belongs to ("" when any) */
    public SecretScan(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    /** What was found in the text files under these folders (missing folders are skipped). */
    public List<String> findingsUnder(Path... roots) {
        List<String> findings = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(SecretScan::isText).forEach(file -> scan(file, findings));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return findings;
    }

    public int filesRead() {
        return filesRead;
    }

    /** Surefire's TEST-*.xml reports are left out: they list the test JVM's system properties, set by the tests. */
    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return TEXT.contains(name.substring(name.lastIndexOf('.') + 1)) && !name.startsWith("TEST-");
    }

    private void scan(Path file, List<String> findings) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        filesRead++;
        findings.addAll(findingsIn(text).stream().map(finding -> file + ": " + finding).toList());
    }

    public List<String> findingsIn(String text) {
        List<String> findings = new ArrayList<>();
        secrets.forEach((password, account) -> {
            if (text.contains(password)) {
                findings.add("the password of " + describe(account));
            }
        });
        Matcher encoded = BASE64.matcher(text);
        while (encoded.find()) {
            String decoded = decode(encoded.group());
            if (decoded != null) {
                secrets.forEach((password, account) -> {
                    if (decoded.contains(password)) {
                        findings.add("the password of " + describe(account) + ", Base64 encoded");
                    }
                });
            }
        }
        return findings;
    }

    private static String decode(String candidate) {
        try {
            return new String(Base64.getDecoder().decode(candidate), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String describe(String account) {
        return account.isEmpty() ? "a test account" : "account " + account;
    }
}
