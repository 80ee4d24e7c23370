package dev.migrations.api;

import java.sql.Connection;
import java.sql.SQLException;

/** Data-migration code run on the migration's own connection, inside its transaction. */
@FunctionalInterface
public interface JdbcWork {
    void run(Connection connection) throws SQLException;
}
