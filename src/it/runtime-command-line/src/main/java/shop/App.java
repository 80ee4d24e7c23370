package shop;

import dev.migrations.engine.Migrations;
import dev.migrations.engine.NotUpToDateException;
import org.postgresql.ds.PGSimpleDataSource;

/** An application that refuses to start on a database its migrations do not match. */
public final class App {

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getenv("APP_DB_URL"));
        dataSource.setUser(System.getenv("APP_DB_USER"));
        try {
            Migrations.configure().dataSource(dataSource).load().status().requireUpToDate();
        } catch (NotUpToDateException e) {
            System.err.println("Refusing to start: " + e.getMessage());
            System.err.println("Pending: " + e.status().pending().size());
            System.exit(1);
        }
        System.out.println("Started on an up-to-date database");
    }
}
