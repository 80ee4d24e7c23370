import dev.migrations.it.Scenario

// Eight upgrade processes started together on one database with 50 revisions, three rounds:
// every process succeeds, every revision is applied exactly once, the schema is right. Three
// rounds through Maven, then three through the command line from the packaged application, as
// the replicas of a rolling deploy run it.

int REVISIONS = 50
int PROCESSES = 8
int ROUNDS = 3

def ids = (1..REVISIONS).collect { String.format('e%011x', it) }
def tables = (1..REVISIONS).collect { String.format('t%02d', it) }
def last = ids[-1]

// the revisions are written here rather than kept as 50 near-identical files
def dir = new File(basedir, 'src/main/migrations/db/migrations')
dir.mkdirs()
(1..REVISIONS).each { n ->
    def id = ids[n - 1]
    def table = tables[n - 1]
    def name = String.format('R20260501_%04d_%s_create_%s', 1000 + n, id, table)
    def parents = n == 1 ? '' : ", parents = \"${ids[n - 2]}\""
    def reference = n == 1 ? '' : """,
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_${table}_${tables[n - 2]}", "prev_id").references("${tables[n - 2]}", "id")"""
    def index = n == 1 ? '' : """
        op.createIndex("ix_${table}_prev", "${table}", "prev_id");"""
    new File(dir, name + '.java').text = """package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "${id}"${parents}, message = "create ${table}")
public class ${name} implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("${table}",
                column("id", bigint()).identity().primaryKey(),
                column("name", varchar(40))${reference});${index}
        // slow enough that runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.04)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("${table}");
    }
}
"""
}

def appliedIds = { result -> (result.output =~ /(?m)^(?:\[INFO\])?\s+applied\s+([0-9a-f]{12})\s/).collect { it[1] } }
def waited = 0
def s = Scenario.start(basedir, localRepositoryPath)
try {
    def viaMaven = { s.start(basedir, 'migrations:upgrade') }
    s.mvn('package').succeeds()
    def classPath = "${new File(basedir, 'target/classes')}${File.pathSeparator}${new File(basedir, 'target/lib')}/*".toString()
    def java = new File(System.getProperty('java.home'), 'bin/java').absolutePath
    def environment = [MIGRATIONS_URL: s.url(), MIGRATIONS_USERNAME: s.db().settings().username() ?: '']
    def viaCommandLine = { s.startProgram(environment, [java, '-cp', classPath, 'dev.migrations.cli.Main', 'upgrade']) }
    (1..ROUNDS * 2).each { round ->
        assert s.db().tables() == []
        def runs = (1..PROCESSES).collect { round <= ROUNDS ? viaMaven() : viaCommandLine() }
        def results = runs.collect { it.await() }
        results.each { assert it.exitCode() == 0: it.output() }

        // every revision applied exactly once across the eight processes, and in order by each
        def applied = results.collect { appliedIds(it) }
        assert applied.flatten().sort() == ids: "round ${round}: applied ${applied.collect { it.size() }}"
        applied.findAll { !it.isEmpty() }.each { assert it == ids.subList(ids.indexOf(it[0]), ids.indexOf(it[0]) + it.size()) }
        assert s.db().upgradeCounts() == ids.collect { "${it}|${round}".toString() }
        assert s.db().versionHeads() == [last]
        assert s.db().tables() == tables
        assert s.db().rows("SELECT count(*) FROM pg_constraint WHERE contype = 'f'") == ["${REVISIONS - 1}".toString()]
        assert s.db().rows("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ix\\_t%\\_prev'") == ["${REVISIONS - 1}".toString()]
        int waiting = results.count { it.output.contains('Waiting for another migration run to finish (it holds the lock') }
        waited += waiting
        println "round ${round}: ${applied.count { !it.isEmpty() }} process(es) applied revisions, ${waiting} waited for the lock"

        // back to base with one run, for the next round
        s.mvn('migrations:downgrade', '-Dtarget=base').succeeds().contains("${REVISIONS} revisions to undo")
        assert s.db().versionHeads() == []
    }
    assert s.db().rows("SELECT action, count(*) FROM migrations_version_log GROUP BY 1 ORDER BY 1") ==
        ["downgrade|${REVISIONS * ROUNDS * 2}", "upgrade|${REVISIONS * ROUNDS * 2}"].collect { it.toString() }
    // the revisions take about 2 s under the lock: processes started together must have met at it,
    // or this test did not test the lock
    assert waited > 0: 'no process ever waited for the lock'
} finally {
    s.close()
}
true
