package dev.migrations.api.operation;

/**
 * One method per kind of {@link Operation}, for the code that must handle every kind: the SQL
 * of a dialect, the Java of the writer. Java 17 cannot switch exhaustively over a sealed
 * interface, so a kind added to {@code Operation} and to this interface stops every rendering
 * that does not handle it from compiling, instead of failing at its first run.
 *
 * @param <R> what the visit gives, e.g. the operation's SQL statements
 */
public interface OperationVisitor<R> {

    R createTable(CreateTable operation);

    R dropTable(DropTable operation);

    R renameTable(RenameTable operation);

    R setTableComment(SetTableComment operation);

    R addColumn(AddColumn operation);

    R dropColumn(DropColumn operation);

    R alterColumn(AlterColumn operation);

    R renameColumn(RenameColumn operation);

    R createIndex(CreateIndex operation);

    R dropIndex(DropIndex operation);

    R addConstraint(AddConstraint operation);

    R dropConstraint(DropConstraint operation);

    R createSequence(CreateSequence operation);

    R alterSequence(AlterSequence operation);

    R dropSequence(DropSequence operation);

    R executeSql(ExecuteSql operation);

    R bulkInsert(BulkInsert operation);

    R runJdbc(RunJdbc operation);
}
