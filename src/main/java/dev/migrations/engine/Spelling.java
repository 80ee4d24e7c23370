package dev.migrations.engine;

import dev.migrations.engine.internal.LibrarySpelling;
/**
 * How the person in front of a run names its commands and settings, so that the advice an
 * error gives ("merge them with ...", "raise ...") is in their words: Maven's goals and
 * properties, the command line's commands and options, or the library's methods. The engine
 * states the facts; the spelling says what to type.
 */
public interface Spelling {

    /**
     * A command with its arguments, as the user would run it. {@code arguments} are name and
     * value pairs ({@code "target", "heads"}); a value such as {@code <id>} or {@code ...} stands
     * for what the user fills in.
     */
    String command(String command, String... arguments);

    /** One argument of a command, as the user gives it ({@code -Dtarget=heads}, {@code heads}). */
    String argument(String name, String value);

    /** A setting, by its Maven parameter name ({@code lockTimeout}), as the user sets it. */
    String setting(String name);

    /** A setting with its value, as the user would set it ({@code -Dmigrations.acceptChanged=a1}). */
    String setting(String name, String value);

    /** Where a password may come from, highest first; none of them is printed. */
    String passwordSources();

    /** The library's own: its methods, and the plugin's goals for what only the project can do. */
    Spelling LIBRARY = new LibrarySpelling();
}
