import dev.migrations.it.Scenario

// Every wrong invocation must end the build with one '[ERROR] Failed to execute goal' line that
// says what is wrong, no stack trace, no change to the database and no file written.
// All cases run; the failures are collected and reported together at the end.

def s = Scenario.start(basedir, localRepositoryPath)
def migrations = new File(basedir, 'src/main/migrations/db/migrations')
def failures = []
try {
    s.mvn('migrations:upgrade', '-Dtarget=ab1211111111').succeeds()
        .matches(/applied\s+ab1211111111\s+create alpha/)
        .contains('Database is at ab1211111111; 1 revision applied')
    assert s.db().tables() == ['alpha']
    assert s.db().versionHeads() == ['ab1211111111']

    // the scenario database trusts local connections; a role that must give a password
    // (checked before the trust lines) lets the wrong-password case reach a real refusal
    s.db().execute("CREATE ROLE tester LOGIN PASSWORD 'right'")
    s.db().execute('GRANT SELECT ON ALL TABLES IN SCHEMA public TO tester')
    def hba = new File(s.db().rows('SHOW hba_file')[0])
    hba.text = 'host all tester 127.0.0.1/32 scram-sha-256\nhost all tester ::1/128 scram-sha-256\n' + hba.text
    s.db().rows('SELECT pg_reload_conf()')

    def state = { ->
        s.db().snapshot() + s.db().rows('SELECT * FROM migrations_version ORDER BY 1') +
            s.db().rows('SELECT count(*) FROM migrations_version_log')
    }
    def sourceFiles = { -> migrations.list().sort() as List }
    def before = state()
    def expectedFiles = sourceFiles()
    assert expectedFiles.size() == 2

    // one wrong invocation: fails cleanly with the fragment, changes neither database nor sources
    def check = { String fragment, List<String> args, Closure extra = null ->
        try {
            def result = s.mvn(args as String[]).failsCleanly(fragment)
            if (extra != null) {
                extra(result)
            }
            def after = state()
            assert after == before: "mvn ${args.join(' ')} changed the database: ${(after - before) + (before - after)}"
            assert sourceFiles() == expectedFiles: "mvn ${args.join(' ')} changed the migration sources"
        } catch (AssertionError e) {
            failures << ('CASE mvn ' + args.join(' ') + '\n' + e.message)
        }
    }
    // runs cases with a bad migration file in place, then removes it
    def withFiles = { Map<String, String> files, Closure cases ->
        files.each { name, text -> new File(migrations, name).text = text }
        def saved = expectedFiles
        expectedFiles = sourceFiles()
        try {
            cases()
        } finally {
            files.keySet().each { new File(migrations, it).delete() }
            expectedFiles = saved
        }
    }
    def migration = { String className, String annotation, String body = 'op.execute("SELECT 1");' ->
        """package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

${annotation}
public class ${className} implements Migration {
    @Override
    public void upgrade(Operations op) {
        ${body}
    }

    @Override
    public void downgrade(Operations op) {
    }
}
"""
    }

    // --- targets ---------------------------------------------------------------------------
    check("No revision matches 'ffffffffffff'", ['migrations:upgrade', '-Dtarget=ffffffffffff'])
    check("Revision prefix 'ab' is ambiguous: it matches ab1211111111, ab3422222222", ['migrations:upgrade', '-Dtarget=ab'])
    check("Target '+5' goes past the head", ['migrations:upgrade', '-Dtarget=+5'])
    check("Target '+0' moves nowhere", ['migrations:upgrade', '-Dtarget=+0'])
    check("Target '+x' is not a number of steps", ['migrations:upgrade', '-Dtarget=+x'])
    check("Target '-1' moves down", ['migrations:upgrade', '-Dtarget=-1'])
    check('migrations:downgrade needs a target', ['migrations:downgrade'])
    check("Target '+1' is not below the current revision", ['migrations:downgrade', '-Dtarget=+1'])
    check("Target 'head' is not below the current revision", ['migrations:downgrade', '-Dtarget=head'])
    check("Target '-9' goes below base", ['migrations:downgrade', '-Dtarget=-9'])
    check('ab3422222222 is not applied', ['migrations:downgrade', '-Dtarget=ab3422222222'])
    check("No revision matches 'ffffffffffff'", ['migrations:downgrade', '-Dtarget=ffffffffffff'])
    check('migrations:stamp needs a revision', ['migrations:stamp'])
    check("No revision matches 'ffffffffffff'", ['migrations:stamp', '-Drevision=ffffffffffff'])
    check("Cannot stamp '+1'", ['migrations:stamp', '-Drevision=+1'])
    check("Range 'ab12' has no colon", ['migrations:history', '-Drange=ab12'])

    // --- writing revisions --------------------------------------------------------------------
    check('A revision needs a message', ['migrations:revision', '-Dautogenerate=false'])
    check('Revision id ab1211111111 is already taken',
        ['migrations:revision', '-Dautogenerate=false', '-Dmessage=x', '-DrevisionId=ab1211111111'])
    check("Revision id 'Bad-Id!' is not valid",
        ['migrations:revision', '-Dautogenerate=false', '-Dmessage=x', '-DrevisionId=Bad-Id!'])
    check("Revision id 'head' reads as a target",
        ['migrations:revision', '-Dautogenerate=false', '-Dmessage=x', '-DrevisionId=head'])
    check("No revision matches 'ffffffffffff'",
        ['migrations:revision', '-Dautogenerate=false', '-Dmessage=x', '-Dhead=ffffffffffff'])
    check('not at head; run mvn migrations:upgrade first', ['migrations:revision', '-Dmessage=x', '-Dautogenerate=true'])
    check("devDatabase 'bogus' is not known",
        ['migrations:revision', '-Dmessage=x', '-Dautogenerate=true', '-DdevDatabase=bogus'])
    check('Revisions are pending: the database is at ab1211111111', ['migrations:check'])
    check('Nothing to merge', ['migrations:merge', '-Dmessage=m'])
    check('A revision needs a message', ['migrations:merge'])
    check('ab1211111111 is already an ancestor of ab3422222222',
        ['migrations:merge', '-Dmessage=m', '-Drevisions=ab1211111111,ab3422222222'])

    // --- connections and configuration -----------------------------------------------------------
    def server = s.url().replaceFirst(/\/postgres\?.*$/, '')
    assert server ==~ /jdbc:postgresql:\/\/[\w.]+:\d+/
    check('Cannot connect to jdbc:postgresql://127.0.0.1:1/nodb',
        ['migrations:upgrade', '-Dmigrations.url=jdbc:postgresql://127.0.0.1:1/nodb'])
    check('does not exist; create it or fix migrations.url', ['migrations:upgrade', "-Dmigrations.url=${server}/nosuchdb?user=postgres".toString()])
    check('Unsupported database url', ['migrations:upgrade', '-Dmigrations.url=jdbc:mysql://127.0.0.1:3306/shop'])
    check("No <server> with id 'nosuchserver' in settings.xml", ['migrations:upgrade', '-Dmigrations.serverId=nosuchserver'])
    check("migrationsPackage '1bad' is not a Java package name", ['migrations:upgrade', '-Dmigrations.package=1bad'])
    check("versionTable '${'v' * 60}' cannot be a PostgreSQL name".toString(),
        ['migrations:stamp', '-Drevision=base', "-Dmigrations.versionTable=${'v' * 60}".toString()])
    check('lockTimeout is -5 s', ['migrations:upgrade', '-Dmigrations.lockTimeout=-5'])

    // the right password works, so the next case fails because of the password alone
    s.mvn('migrations:current', "-Dmigrations.url=${server}/postgres".toString(), '-Dmigrations.username=tester',
        '-Dmigrations.password=right').succeeds().contains('ab1211111111, create alpha')
    check('Cannot log in', ['migrations:upgrade', "-Dmigrations.url=${server}/postgres".toString(),
                            '-Dmigrations.username=tester', '-Dmigrations.password=Wr0ngSecret4711']) { result ->
        result.contains('as tester: the server rejected the password from -Dmigrations.password (')
            .contains('password authentication failed for user "tester"').doesNotContain('Wr0ngSecret4711')
    }
    // no password at all: the line says so, and where a password can come from
    check('as tester: the server asks for a password and none was given', ['migrations:upgrade',
            "-Dmigrations.url=${server}/postgres".toString(), '-Dmigrations.username=tester']) { result ->
        result.contains('give it with -Dmigrations.password, the environment variable MIGRATIONS_PASSWORD or a settings.xml <server> named by migrations.serverId.')
    }
    // a wrong password from the environment: the line names the variable, never the password
    try {
        s.mvnOwnDatabase([MIGRATIONS_PASSWORD: 'Wr0ngSecret4711'], 'migrations:upgrade',
                "-Dmigrations.url=${server}/postgres".toString(), '-Dmigrations.username=tester')
            .failsCleanly('the server rejected the password from the environment variable MIGRATIONS_PASSWORD')
            .doesNotContain('Wr0ngSecret4711')
        assert state() == before
    } catch (AssertionError e) {
        failures << ('CASE MIGRATIONS_PASSWORD=<wrong>\n' + e.message)
    }
    check('Cannot log in', ['migrations:upgrade', "-Dmigrations.url=${server}/postgres?user=tester&password=Wr0ngSecret4711".toString()]) { result ->
        // the user name came from the url: the message must not call it "null"
        result.doesNotContain('Wr0ngSecret4711').doesNotContain(' as null')
    }

    // --- broken migration sources ----------------------------------------------------------------
    withFiles(['R20260201_1100_cd5633333333_broken.java': migration('R20260201_1100_cd5633333333_broken',
            '@Revision(id = "cd5633333333", parents = "ab3422222222", message = "broken")',
            'op.createTable("gamma", column("id", noSuchType()));')]) {
        check('Migration does not compile: R20260201_1100_cd5633333333_broken.java:', ['migrations:upgrade'])
        check('Migration does not compile', ['migrations:current'])
        check('Migration does not compile', ['migrations:downgrade', '-Dtarget=base'])
        check('Migration does not compile', ['migrations:revision', '-Dautogenerate=false', '-Dmessage=x'])
    }
    withFiles(['R20260201_1100_c1c1c1c1c1c1_one.java': migration('R20260201_1100_c1c1c1c1c1c1_one',
                   '@Revision(id = "c1c1c1c1c1c1", parents = "c2c2c2c2c2c2", message = "one")'),
               'R20260201_1200_c2c2c2c2c2c2_two.java': migration('R20260201_1200_c2c2c2c2c2c2_two',
                   '@Revision(id = "c2c2c2c2c2c2", parents = "c1c1c1c1c1c1", message = "two")')]) {
        check('Revisions form a cycle through their parents/depends-on: c1c1c1c1c1c1 -> c2c2c2c2c2c2', ['migrations:upgrade'])
    }
    withFiles(['R20260201_1100_d1d1d1d1d1d1_orphan.java': migration('R20260201_1100_d1d1d1d1d1d1_orphan',
            '@Revision(id = "d1d1d1d1d1d1", parents = "0000deadbeef", message = "orphan")')]) {
        check('Revision d1d1d1d1d1d1 names parent 0000deadbeef, which does not exist', ['migrations:upgrade'])
    }
    withFiles(['R20260201_1100_ab3422222222_copy.java': migration('R20260201_1100_ab3422222222_copy',
            '@Revision(id = "ab3422222222", parents = "ab1211111111", message = "copy")')]) {
        check('ab3422222222', ['migrations:upgrade']) { result ->
            result.matches(/\[ERROR\] Failed to execute goal.*(Duplicate revision id ab3422222222|Revision id ab3422222222 is declared by more than one)/)
        }
    }
    withFiles(['R20260201_1100_e1e1e1e1e1e1_mismatch.java': '''package db.migrations;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e1e1e1e1e1e1", parents = "ab3422222222", message = "class name differs from the file name")
class SomethingElse implements Migration {
    public void upgrade(Operations op) {
    }

    public void downgrade(Operations op) {
    }
}
''']) {
        check('does not declare class db.migrations.R20260201_1100_e1e1e1e1e1e1_mismatch', ['migrations:upgrade'])
    }
    withFiles(['R20260201_1100_e2e2e2e2e2e2_unannotated.java': migration('R20260201_1100_e2e2e2e2e2e2_unannotated', '')]) {
        check('has no @Revision annotation', ['migrations:upgrade'])
    }
    withFiles(['R20260201_1100_e3e3e3e3e3e3_not_a_migration.java': '''package db.migrations;

import dev.migrations.api.Revision;

@Revision(id = "e3e3e3e3e3e3", parents = "ab3422222222", message = "no interface")
public class R20260201_1100_e3e3e3e3e3e3_not_a_migration {
}
''']) {
        check('does not implement dev.migrations.api.Migration', ['migrations:upgrade'])
    }
    withFiles(['R20260201_1100_e5e5e5e5e5e5_private.java': '''package db.migrations;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e5e5e5e5e5e5", parents = "ab3422222222", message = "no public constructor")
public class R20260201_1100_e5e5e5e5e5e5_private implements Migration {
    private R20260201_1100_e5e5e5e5e5e5_private() {
    }

    public void upgrade(Operations op) {
    }

    public void downgrade(Operations op) {
    }
}
''']) {
        check('cannot be created by the plugin; make it a public, non-abstract class', ['migrations:upgrade'])
    }
    withFiles(['R20260201_1100_e6e6e6e6e6e6_labelled.java': migration('R20260201_1100_e6e6e6e6e6e6_labelled',
            '@Revision(id = "e6e6e6e6e6e6", parents = "ab3422222222", message = "labelled", branchLabels = "feature")')]) {
        check('Revision id feature is a branch label already',
            ['migrations:revision', '-Dautogenerate=false', '-Dmessage=x', '-DrevisionId=feature'])
    }
    withFiles(['R20260201_1100_e4e4e4e4e4e4_named_head.java': migration('R20260201_1100_e4e4e4e4e4e4_named_head',
            '@Revision(id = "head", parents = "ab3422222222", message = "an id that is a keyword")')]) {
        check("Revision id 'head' cannot be told apart from a target", ['migrations:upgrade'])
    }

    // --- a database at a revision no migration defines ---------------------------------------------
    s.db().execute("UPDATE migrations_version SET version_num = 'deadbeef0000'")
    before = state()
    try {
        check("Can't locate revision deadbeef0000", ['migrations:upgrade'])
        check("Can't locate revision deadbeef0000", ['migrations:current'])
        check("Can't locate revision deadbeef0000", ['migrations:downgrade', '-Dtarget=base'])
        check("Can't locate revision deadbeef0000", ['migrations:stamp', '-Drevision=head'])
    } finally {
        s.db().execute("UPDATE migrations_version SET version_num = 'ab1211111111'")
    }

    // --- an applied revision whose file was edited afterwards -------------------------------------
    before = state()
    def alpha = new File(migrations, 'R20260201_0900_ab1211111111_create_alpha.java')
    def original = alpha.text
    // another checkout's line endings and trailing spaces are not an edit
    alpha.text = original.replace('\n', '  \r\n') + '\r\n'
    s.mvn('migrations:current').succeeds().doesNotContain('edited')
    alpha.text = original.replace('op.createTable("alpha",', '// tidied up after it ran\n        op.createTable("alpha",')
    def edited = 'Revision ab1211111111 was edited after it was applied (its checksum differs): R20260201_0900_ab1211111111_create_alpha.java'
    check(edited, ['migrations:upgrade']) { it.contains('-Dmigrations.acceptChanged=ab1211111111') }
    check(edited, ['migrations:current'])
    check(edited, ['migrations:check'])
    check(edited, ['migrations:downgrade', '-Dtarget=base'])
    check("No revision matches 'ffffffffffff'", ['migrations:upgrade', '-Dmigrations.acceptChanged=ffffffffffff'])
    // accepting it explicitly: current only reports it, upgrade records it and goes on
    s.mvn('migrations:current', '-Dmigrations.acceptChanged=ab12').succeeds()
        .contains('[WARNING] Revision ab1211111111 was edited after it was applied (R20260201_0900_ab1211111111_create_alpha.java); accepted by migrations.acceptChanged.')
    assert state() == before
    s.mvn('migrations:upgrade', '-Dmigrations.acceptChanged=ab1211111111').succeeds()
        .contains('accepted by migrations.acceptChanged').matches(/applied\s+ab3422222222\s+create beta/)
    assert s.db().tables() == ['alpha', 'beta']
    assert s.db().upgradeCounts() == ['ab1211111111|1', 'ab3422222222|1']
    assert s.db().rows("SELECT revision FROM migrations_version_log WHERE action = 'accept'") == ['ab1211111111']
    // recorded: later runs no longer stop on it
    s.mvn('migrations:current').succeeds().contains('ab3422222222 (head), create beta').doesNotContain('edited')

    // --- an applied revision whose file is gone -----------------------------------------------------
    before = state()
    def beta = new File(migrations, 'R20260201_1000_ab3422222222_create_beta.java')
    def betaText = beta.text
    beta.delete()
    expectedFiles = sourceFiles()
    check("Can't locate revision ab3422222222: the database migrations_version is at it", ['migrations:upgrade'])
    check("Can't locate revision ab3422222222", ['migrations:current'])
    beta.text = betaText
    alpha.delete()
    expectedFiles = sourceFiles()
    check('Revision ab3422222222 names parent ab1211111111, which does not exist', ['migrations:current'])
    alpha.text = original

    // after all that, the project still works from where it was
    s.mvn('migrations:downgrade', '-Dtarget=base', '-Dmigrations.acceptChanged=ab1211111111').succeeds()
    s.mvn('migrations:upgrade').succeeds().matches(/applied\s+ab3422222222\s+create beta/)
    assert s.db().tables() == ['alpha', 'beta']
    assert s.db().upgradeCounts() == ['ab1211111111|2', 'ab3422222222|2']

    assert failures.isEmpty(): "${failures.size()} wrong invocation(s) misbehaved:\n\n" + failures.join('\n\n')
} finally {
    s.close()
}
true
