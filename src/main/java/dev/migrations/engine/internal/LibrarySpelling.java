package dev.migrations.engine.internal;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.Spelling;
import java.util.ArrayList;
import java.util.List;

/** Advice for an application that calls the engine: the methods of {@link Migrations} and its builder. */
public final class LibrarySpelling implements Spelling {

    @Override
    public String command(String command, String... arguments) {
        if (command.equals("merge") || command.equals("revision")) {
            // written in the project, where the migrations' sources are
            return "the plugin's " + command + " goal in the project";
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            values.add(literal(arguments[i + 1]));
        }
        return command + "(" + String.join(", ", values) + ")";
    }

    @Override
    public String argument(String name, String value) {
        return name + " " + literal(value);
    }

    private static String literal(String value) {
        return value.equals("true") || value.equals("false") ? value : "\"" + value + "\"";
    }

    @Override
    public String setting(String name) {
        return name + "(...)";
    }

    @Override
    public String setting(String name, String value) {
        return name + "(\"" + value + "\")";
    }

    @Override
    public String passwordSources() {
        return "url(url, username, password) or the DataSource";
    }
}
