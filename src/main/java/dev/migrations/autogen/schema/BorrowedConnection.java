package dev.migrations.autogen.schema;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * The caller's connection as lent to SchemaCrawler. The caller may be in the middle of a
 * transaction (a scratch schema that will be rolled back), so the borrower must neither end it
 * nor change how it ends: {@code close()} hands the connection back without closing it, and
 * every method that would commit, roll back or change the transaction's settings is refused.
 *
 * <p>The close is expected: SchemaCrawler's single-connection source closes its connection
 * when the source itself is closed ({@code SingleDatabaseConnectionSource.close()}), and the
 * reader closes the source to release it. Nothing in a crawl should touch the transaction, so a
 * refused call is a bug to hear about, not to ignore.
 */
final class BorrowedConnection implements InvocationHandler {

    private static final Set<String> TRANSACTION_CONTROL = Set.of("commit", "rollback",
            "setAutoCommit", "setSavepoint", "releaseSavepoint", "setTransactionIsolation",
            "setReadOnly", "abort", "setCatalog", "setSchema");

    private final Connection connection;

    private BorrowedConnection(Connection connection) {
        this.connection = connection;
    }

    static Connection lend(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new BorrowedConnection(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        String name = method.getName();
        if (name.equals("close")) {
            return null;
        }
        if (name.equals("isClosed")) {
            return connection.isClosed();
        }
        if (TRANSACTION_CONTROL.contains(name)) {
            throw new IllegalStateException("reading a schema must not call Connection." + name
                    + "(): the connection belongs to the caller, who may be in a transaction");
        }
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
