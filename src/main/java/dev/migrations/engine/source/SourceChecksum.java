package dev.migrations.engine.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a migration's source. Line endings and trailing whitespace are normalized
 * so that a checkout on another OS, or an editor trimming spaces, does not look like an edit.
 */
public final class SourceChecksum {

    private SourceChecksum() {
    }

    public static String of(String source) {
        StringBuilder normalized = new StringBuilder(source.length());
        for (String line : source.split("\r\n|\r|\n", -1)) {
            normalized.append(line.stripTrailing()).append('\n');
        }
        int end = normalized.length();
        while (end > 0 && normalized.charAt(end - 1) == '\n') {
            end--;
        }
        normalized.setLength(end);
        return sha256(normalized.toString());
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
