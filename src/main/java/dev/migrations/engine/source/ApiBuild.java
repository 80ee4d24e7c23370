package dev.migrations.engine.source;

import dev.migrations.api.Migration;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build of the migrations API that this plugin carries: classes compiled against another
 * build must be recompiled, and the {@link CompileCache} kept beside them belongs to one build. A
 * class of its own, so that a run at head, which compiles nothing, does not load the compiler's
 * classes to learn it.
 */
final class ApiBuild {

    /** Read once per class loader: the API classes loaded with it cannot change under it. */
    private static volatile String stamp;

    private ApiBuild() {
    }

    /** Where the API classes are: the plugin's jar, or a directory of classes in a development build. */
    static Path location() {
        try {
            return Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the migrations API classes", e);
        }
    }

    /** The location with the jar's size and modification time. */
    static String stamp() throws IOException {
        String known = stamp;
        if (known == null) {
            Path api = location();
            known = api + "@" + (Files.isDirectory(api) ? "dir"
                    : Files.size(api) + ":" + Files.getLastModifiedTime(api).toMillis());
            stamp = known;
        }
        return known;
    }
}
