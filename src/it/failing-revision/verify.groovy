import dev.migrations.it.Scenario
import java.nio.file.Files

def rev1 = 'aaaa00000001'
def rev2 = 'aaaa00000002'
// SPEC: a user error ends the build with a one-line cause. Maven prints the goal's message and
// then '-> [Help 1]' on the same line; anything after it (the cause chain, a second line) is noise.
def assertOneLineCause = { result, String databaseMessage ->
    def lines = result.output.readLines()
    def at = lines.findIndexOf { it.startsWith('[ERROR] Failed to execute goal') }
    assert at >= 0
    assert lines[at].endsWith('-> [Help 1]') && lines[at + 1].startsWith('[ERROR]') :
        "the cause must be one line:\n" + lines[at..at + 1].join('\n')
    assert lines[at].count(databaseMessage) == 1 : "the database's message once, not repeated:\n" + lines[at]
}

def s = Scenario.start(basedir, localRepositoryPath)
try {
    // in one transaction (singleTransaction), rev2's failure takes rev1 back with it: all or nothing
    def empty = s.db().snapshot()
    s.mvn('migrations:upgrade', '-Dmigrations.singleTransaction=true')
        .failsCleanly("Revision ${rev2} (add email) failed in upgrade() at 'create index ix_account_email on account'")
        .contains('2 revisions to apply in one transaction')
        .contains('Its changes were rolled back together with the 1 revision(s) applied before it in this transaction')
    assert s.db().snapshot() == empty
    assert s.db().versionHeads() == []
    assert s.db().rows('SELECT count(*) FROM migrations_version_log') == ['0']

    // rev1 alone: the state a failed rev2 must leave behind
    s.mvn('migrations:upgrade', "-Dtarget=${rev1}").succeeds()
        .matches(/applied\s+${rev1}\s+create account/)
        .doesNotContain(rev2)
    assert s.db().versionHeads() == [rev1]
    def atRev1 = s.db().snapshot()
    assert atRev1.any { it.startsWith('column account.name ') }
    assert !atRev1.any { it.contains('email') }

    // rev2: add column (ok), insert a row (ok), create an index on a misspelt column (fails)
    def failed = s.mvn('migrations:upgrade')
    failed.failsCleanly("Revision ${rev2} (add email) failed in upgrade()")
    failed.failsCleanly("at 'create index ix_account_email on account'")
    failed.failsCleanly('column "emial" does not exist [SQLSTATE 42703]')
    failed.failsCleanly('Its changes were rolled back')
    assertOneLineCause(failed, 'column "emial" does not exist')
    assert !(failed.output =~ /applied\s+${rev2}/)
    // transactional DDL: the column and the row of the first two operations are gone too
    assert s.db().versionHeads() == [rev1]
    assert s.db().snapshot() == atRev1
    assert s.db().rows('SELECT count(*) FROM account') == ['0']
    assert s.db().rows("SELECT count(*) FROM migrations_version_log WHERE revision = '${rev2}'") == ['0']

    // from base: rev1 commits on its own, rev2 fails and rolls back alone
    s.mvn('migrations:downgrade', '-Dtarget=base').succeeds()
    assert s.db().versionHeads() == []
    s.mvn('migrations:upgrade')
        .failsCleanly("Revision ${rev2} (add email) failed in upgrade() at 'create index ix_account_email on account'")
        .matches(/applied\s+${rev1}\s+create account/)
    assert s.db().versionHeads() == [rev1]
    assert s.db().snapshot() == atRev1
    assert s.db().rows('SELECT count(*) FROM account') == ['0']
    assert s.db().upgradeCounts() == ["${rev1}|2".toString()]

    // a first "fix" that fails differently: the changed source is recompiled, and now the insert
    // (the second operation) violates NOT NULL; the error is still one line, without the row's data
    def source = new File(basedir, "src/main/migrations/db/migrations/R20260201_1100_${rev2}_add_email.java").toPath()
    def text = Files.readString(source)
    assert text.contains('"emial"')
    def notNull = text.replace('"emial"', '"email"').replace('Map.of("name", "ada", "email", "ada@example.com")', 'Map.of("email", "secret@example.com")')
    assert notNull.contains('Map.of("email", "secret@example.com")')
    Files.writeString(source, notNull)
    def violation = s.mvn('migrations:upgrade')
    violation.failsCleanly("Revision ${rev2} (add email) failed in upgrade() at 'insert 1 row(s) into account'")
    violation.failsCleanly('null value in column "name" of relation "account" violates not-null constraint [SQLSTATE 23502]')
    assertOneLineCause(violation, 'violates not-null constraint')
    assert !violation.output.contains('secret@example.com') : "row data must not be printed:\n" + violation.output
    assert s.db().versionHeads() == [rev1]
    assert s.db().snapshot() == atRev1

    // fix the migration and run again: the changed source is recompiled and applied
    Files.writeString(source, text.replace('"emial"', '"email"'))

    def fixed = s.mvn('migrations:upgrade').succeeds()
        .contains('1 revision to apply')
        .matches(/applied\s+${rev2}\s+add email/)
        .contains("Database is at ${rev2} (head); 1 revision applied")
    assert !(fixed.output =~ /applied\s+${rev1}/)
    assert s.db().versionHeads() == [rev2]
    assert s.db().rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'account' ORDER BY 1") ==
        ['email', 'id', 'name']
    assert s.db().rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_account_email'") ==
        ['CREATE INDEX ix_account_email ON public.account USING btree (email)']
    assert s.db().rows('SELECT name, email FROM account') == ['ada|ada@example.com']
    assert s.db().upgradeCounts() == ["${rev1}|2".toString(), "${rev2}|1".toString()]

    // and its downgrade undoes it exactly
    s.mvn('migrations:downgrade', '-Dtarget=-1').succeeds().matches(/undone\s+${rev2}/)
    assert s.db().snapshot() == atRev1
} finally {
    s.close()
}
true
