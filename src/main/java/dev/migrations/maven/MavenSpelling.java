package dev.migrations.maven;

import dev.migrations.engine.Spelling;

/** Advice in Maven's words: {@code mvn migrations:upgrade -Dtarget=heads}, {@code migrations.lockTimeout}. */
public final class MavenSpelling implements Spelling {

    @Override
    public String command(String command, String... arguments) {
        StringBuilder line = new StringBuilder("mvn migrations:").append(command);
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            line.append(' ').append(argument(arguments[i], arguments[i + 1]));
        }
        return line.toString();
    }

    @Override
    public String argument(String name, String value) {
        return "-D" + name + "=" + value;
    }

    @Override
    public String setting(String name) {
        return "migrations." + name;
    }

    @Override
    public String setting(String name, String value) {
        return "-Dmigrations." + name + "=" + value;
    }

    @Override
    public String passwordSources() {
        return "-Dmigrations.password, the environment variable MIGRATIONS_PASSWORD or a settings.xml <server> named"
                + " by migrations.serverId";
    }
}
