import dev.migrations.it.Scenario
import java.nio.file.Files

// upgrade and downgrade with -Dsql write the SQL a run would send, version table included, and
// run nothing. Another tool runs the script (as psql does: statement by statement, the script's
// own BEGIN and COMMIT) and must leave what the plugin's own upgrade leaves.

def nowhere = '-Dmigrations.url=jdbc:postgresql://127.0.0.1:1/nowhere'
def s = Scenario.start(basedir, localRepositoryPath)
try {
    // 1. a range needs no database: the url here reaches no server
    def upgradeScript = new File(basedir, 'target/migrations/upgrade.sql')
    s.mvn('migrations:upgrade', '-Dsql', '-Dtarget=base:head', nowhere).succeeds()
        .contains('Wrote the SQL of 3 revisions (upgrade from base to c3c3c3c3c3c3 (head)) to ' + upgradeScript.path
            + '; nothing was run.')
    assert s.db().tables() == []
    def up = upgradeScript.text
    assert up.contains('BEGIN;') && up.contains('COMMIT;')
    assert up.contains("'O''Brien'") && up.contains("E'Back\\\\slash; semi'")
    // the non-transactional revision is marked and has no BEGIN of its own
    def concurrent = up.substring(up.indexOf('-- c3c3c3c3c3c3 upgrade: index email concurrently'))
    assert concurrent.readLines()[1].startsWith('-- non-transactional')
    assert !concurrent.contains('BEGIN;') && concurrent.contains('CREATE INDEX CONCURRENTLY')
    // each revision moves the heads once; from the second on, guarded by the head it leaves
    assert up.count('INSERT INTO migrations_version_log') == 3
    assert up.count('INSERT INTO migrations_version (version_num)') == 1
    assert up.count("WITH moved AS (UPDATE migrations_version SET version_num = 'c2c2c2c2c2c2' WHERE version_num = 'c1c1c1c1c1c1'") == 1
    assert up.count("WITH moved AS (UPDATE migrations_version SET version_num = 'c3c3c3c3c3c3' WHERE version_num = 'c2c2c2c2c2c2'") == 1

    // 2. the script, run by another tool, leaves what upgrade leaves: catalog, data, version rows
    def scripted = s.freshDatabase('scripted')
    scripted.runScript(up)
    s.mvn('migrations:upgrade').succeeds()
    assert scripted.snapshot() == s.db().snapshot()
    assert scripted.versionHeads() == ['c3c3c3c3c3c3'] && s.db().versionHeads() == ['c3c3c3c3c3c3']
    def customers = "SELECT id, name, email FROM customer ORDER BY id"
    assert scripted.rows(customers) == ['1|O\'Brien|ob@example.com', '2|Back\\slash; semi|null']
    assert scripted.rows(customers) == s.db().rows(customers)
    assert scripted.rows("SELECT revision, action, checksum FROM migrations_version_log ORDER BY id") ==
        s.db().rows("SELECT revision, action, checksum FROM migrations_version_log ORDER BY id")

    // 3. the downgrade script takes it back to empty
    def downgradeScript = new File(basedir, 'target/down.sql')
    s.mvn('migrations:downgrade', '-Dsql=target/down.sql', '-Dtarget=head:base', nowhere).succeeds()
        .contains('Wrote the SQL of 3 revisions (downgrade from c3c3c3c3c3c3 (head) to base)')
    scripted.runScript(downgradeScript.text)
    assert scripted.tables() == [] && scripted.versionHeads() == []

    // 4. without a range, the script starts where the database is, which stays as it was
    def before = s.db().snapshot()
    s.mvn('migrations:downgrade', '-Dsql', '-Dtarget=-1').succeeds()
        .contains('Wrote the SQL of 1 revision (downgrade from c3c3c3c3c3c3 (head) to c2c2c2c2c2c2)')
    def one = new File(basedir, 'target/migrations/downgrade.sql').text
    assert one.contains('DROP INDEX CONCURRENTLY') && !one.contains('c2c2c2c2c2c2 downgrade')
    assert s.db().snapshot() == before && s.db().versionHeads() == ['c3c3c3c3c3c3']

    // 5. Java code on the connection cannot be written down: one line naming the revision, no file
    Files.copy(new File(basedir, 'later/R20260701_0930_c4c4c4c4c4c4_backfill_with_jdbc.java').toPath(),
        new File(basedir, 'src/main/migrations/db/migrations/R20260701_0930_c4c4c4c4c4c4_backfill_with_jdbc.java').toPath())
    upgradeScript.delete()
    s.mvn('migrations:upgrade', '-Dsql', '-Dtarget=c3c3c3c3c3c3:head', nowhere)
        .failsCleanly('Revision c4c4c4c4c4c4 (backfill with jdbc) runs Java code on its connection in upgrade()')
    assert !upgradeScript.exists()
} finally {
    s.close()
}
true
