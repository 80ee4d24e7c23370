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
        return sha256(normalize(source));
    }

    /**
     * Each line without its trailing whitespace, ended by {@code \n}, and no blank lines at the
     * end. One pass over the characters: a run at head reads every source, 2,000 of them.
     */
    static String normalize(String source) {
        StringBuilder normalized = new StringBuilder(source.length());
        int length = source.length();
        int lineStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? source.charAt(i) : '\n';
            if (c != '\n' && c != '\r') {
                continue;
            }
            int end = i;
            while (end > lineStart && isTrailingSpace(source, end - 1)) {
                end--;
            }
            normalized.append(source, lineStart, end).append('\n');
            if (c == '\r' && i + 1 < length && source.charAt(i + 1) == '\n') {
                i++;
            }
            lineStart = i + 1;
        }
        int end = normalized.length();
        while (end > 0 && normalized.charAt(end - 1) == '\n') {
            end--;
        }
        normalized.setLength(end);
        return normalized.toString();
    }

    /** As {@link String#stripTrailing()} decides: whitespace by {@link Character#isWhitespace(int)}. */
    private static boolean isTrailingSpace(String text, int index) {
        char c = text.charAt(index);
        if (Character.isLowSurrogate(c) && index > 0 && Character.isHighSurrogate(text.charAt(index - 1))) {
            return false;   // no supplementary code point is whitespace
        }
        return Character.isWhitespace(c);
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
