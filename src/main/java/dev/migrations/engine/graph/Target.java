package dev.migrations.engine.graph;

/**
 * Where a user asked to move, parsed from {@code -Dtarget} (or {@code -Drevision}) but not yet
 * resolved against a graph.
 *
 * <p>Grammar: {@code head}, {@code heads}, {@code base}, {@code +N} / {@code -N} (N &ge; 1), or
 * anything else as a {@link Revision} reference: an id, a unique id prefix, a branch label, or
 * {@code <label-or-id>@head}.
 */
public sealed interface Target {

    /** The single head of the graph. */
    record Head() implements Target {
    }

    /** Every head of the graph. */
    record Heads() implements Target {
    }

    /** Nothing applied. */
    record Base() implements Target {
    }

    /** N revisions forward (positive) or back (negative) from where the database is. */
    record Relative(int steps) implements Target {
    }

    /** An id, a unique id prefix, a branch label, or {@code x@head}; resolved by {@link RevisionGraph#resolve}. */
    record Revision(String reference) implements Target {
    }

    static Target parse(String text) {
        String target = text == null ? "" : text.strip();
        if (target.isEmpty()) {
            throw new InvalidTargetException("No target given: use head, heads, base, +N, -N, or a revision id.");
        }
        switch (target) {
            case "head":
                return new Head();
            case "heads":
                return new Heads();
            case "base":
                return new Base();
            default:
                break;
        }
        char sign = target.charAt(0);
        if (sign == '+' || sign == '-') {
            return new Relative(parseSteps(target));
        }
        return new Revision(target);
    }

    private static int parseSteps(String target) {
        String digits = target.substring(1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidTargetException("Target '" + target
                    + "' is not a number of steps: write it as +N or -N, e.g. +1 or -2.");
        }
        int steps;
        try {
            steps = Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            throw new InvalidTargetException("Target '" + target + "' is too many steps: use base, heads or a revision id.");
        }
        if (steps == 0) {
            throw new InvalidTargetException("Target '" + target + "' moves nowhere: give at least one step, e.g. "
                    + target.charAt(0) + "1.");
        }
        return target.charAt(0) == '-' ? -steps : steps;
    }
}
