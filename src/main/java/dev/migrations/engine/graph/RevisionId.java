package dev.migrations.engine.graph;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one rule for revision ids, wherever one comes from (an annotation, a shipped index, a
 * chosen {@code -DrevisionId}): 1 to 32 letters, digits or {@code _}, and not a word a target
 * uses ({@code head}, {@code heads}, {@code base}). Generated ids are 12 lowercase hex characters.
 */
public final class RevisionId {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_]{1,32}");
    /** What {@link #isValid} accepts, for messages. */
    public static final String RULE_TEXT = "1-32 letters, digits or _";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RevisionId() {
    }

    /** Letters, digits and {@code _} only, 1 to 32 of them; whether it reads as a target is the graph's to say. */
    public static boolean isWellFormed(String id) {
        return id != null && RULE.matcher(id).matches();
    }

    /** Well formed, and not a word a target uses: an id a new revision may take. */
    public static boolean isValid(String id) {
        return isWellFormed(id) && !RevisionGraph.readsAsTarget(id);
    }

    /** A new random id: 12 lowercase hex characters, as SPEC.md gives them. */
    public static String generate() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
