import dev.migrations.engine.EngineLog
import dev.migrations.engine.Spelling
import dev.migrations.engine.db.EmbeddedPostgresServer
import dev.migrations.it.ItDatabase

// The invoker's own build ran 'mvn verify': upgrade, bound without a phase, must have run in
// integration-test (after test and package) on the embedded database in target/migrations/pgdata.

def lines = new File(basedir, 'build.log').readLines()
def first = { String description, Closure<Boolean> test ->
    int index = lines.findIndexOf(test)
    assert index >= 0: "build.log has no line for ${description}:\n" + lines.join('\n')
    index
}
// Maven 3.8 prints '--- maven-jar-plugin:2.4:jar (default-jar) @ x ---', 3.9 '--- jar:3.4.1:jar (default-jar) @ x ---'
int test = first('the test phase (surefire)') { it.contains(':test (default-test) @ integration-test-binding') }
int jar = first('the package phase (jar)') { it.contains(':jar (default-jar) @ integration-test-binding') }
int upgrade = first('the upgrade execution') { it ==~ /\[INFO\] --- .*:upgrade \(default\) @ integration-test-binding ---/ }
int embedded = first('the embedded database announcement') {
    it.contains('Using the embedded PostgreSQL with its data in ') && it.contains('target/migrations/pgdata'.replace('/', File.separator))
}
int appliedFirst = first('the first revision applied') { it ==~ /\[INFO\]\s+applied\s+a0a0a0a0a0a0\s+create account\s+\(\d+ ms\)/ }
int appliedSecond = first('the second revision applied') { it ==~ /\[INFO\]\s+applied\s+b0b0b0b0b0b0\s+add account email\s+\(\d+ ms\)/ }
int done = first('the summary') { it.contains('Database is at b0b0b0b0b0b0 (head); 2 revisions applied') }
int success = first('BUILD SUCCESS') { it.contains('BUILD SUCCESS') }
assert test < jar && jar < upgrade: "upgrade must run after test and package: test at ${test}, jar at ${jar}, upgrade at ${upgrade}"
assert upgrade < embedded && embedded < appliedFirst && appliedFirst < appliedSecond && appliedSecond < done && done < success
assert lines.count { it ==~ /\[INFO\] --- .*:upgrade .*/ } == 1: 'upgrade ran more than once'
assert new File(basedir, 'target/integration-test-binding-1.0.jar').isFile()

// the build's database is kept in the project: open it again and look
def server = EmbeddedPostgresServer.start(new File(basedir, 'target/migrations/pgdata').toPath(), EngineLog.SILENT, Spelling.LIBRARY)
try {
    def db = ItDatabase.of(server.connectionSettings())
    assert db.tables() == ['account']
    assert db.rows("SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns"
        + " WHERE table_schema = 'public' AND table_name = 'account' ORDER BY ordinal_position") ==
        ['id bigint NO', 'email character varying NO']
    assert db.versionHeads() == ['b0b0b0b0b0b0']
    assert db.upgradeCounts() == ['a0a0a0a0a0a0|1', 'b0b0b0b0b0b0|1']
} finally {
    server.close()
}
true
