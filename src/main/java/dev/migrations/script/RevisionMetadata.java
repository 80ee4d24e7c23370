package dev.migrations.script;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a new migration class says about itself, and the name it gets:
 * {@code R{yyyyMMdd}_{HHmm}_{id}_{slug}}, so that files sort by creation time.
 */
public record RevisionMetadata(String id, List<String> parents, String message, LocalDateTime created,
                               List<String> branchLabels, List<String> dependsOn) {

    private static final int SLUG_LENGTH = 40;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm", Locale.ROOT);

    public RevisionMetadata {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        created = created.withSecond(0).withNano(0);
    }

    public String className() {
        String slug = slug(message);
        return "R" + STAMP.format(created) + "_" + id + (slug.isEmpty() ? "" : "_" + slug);
    }

    /** The message in lower-case words joined by {@code _}, cut at a word boundary. */
    static String slug(String message) {
        // accents come off rather than splitting the word: "Añadir teléfono" is anadir_telefono
        String plain = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String words = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (words.length() <= SLUG_LENGTH) {
            return words;
        }
        int cut = words.lastIndexOf('_', SLUG_LENGTH);
        return words.substring(0, cut > 0 ? cut : SLUG_LENGTH);
    }
}
