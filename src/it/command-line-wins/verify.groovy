import dev.migrations.it.Scenario

// Which database a goal acts on, highest first: -Dmigrations.* on the command line, the
// environment (MIGRATIONS_URL, ...), the pom's <configuration>, the default. The pom here names
// database A (its <url> is ${pomUrl}); each build must act on the one that wins and leave the
// others untouched, and say which one it acted on.

def s = Scenario.start(basedir, localRepositoryPath)
try {
    def a = s.freshDatabase('pom_db')
    def b = s.freshDatabase('env_db')
    def pomUrl = "-DpomUrl=${a.settings().url()}".toString()
    // the scenario trusts local connections: a password in the url is let in, and must be masked
    def secret = ['Pw', 'not', 'shown', '9'].join('-')
    def bUrl = b.settings().url() + (b.settings().url().contains('?') ? '&' : '?') + 'password=' + secret
    def untouched = { db -> db.rows("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')") == ['0'] }

    // 1. the command line wins over the pom: Scenario.mvn passes -Dmigrations.url=<scenario database>
    s.mvn('migrations:upgrade', pomUrl).succeeds()
        .matches(/Upgrading jdbc:postgresql:\S+\/postgres\S* \(schema public\) from base: 1 revision to apply/)
    assert s.db().tables() == ['pom_version', 'pom_version_log', 'widget']
    assert untouched(a): 'the pom database was changed although -Dmigrations.url named another'

    // 2. the environment wins over the pom; the log names the database, its password masked
    def fromEnvironment = s.mvnOwnDatabase([MIGRATIONS_URL: bUrl], 'migrations:upgrade', pomUrl).succeeds()
        .contains('Upgrading ' + b.settings().url().replaceFirst(/\/env_db.*/, '/env_db'))
        .contains('password=****').doesNotContain(secret)
    assert b.tables() == ['pom_version', 'pom_version_log', 'widget']
    assert untouched(a): 'the pom database was changed although MIGRATIONS_URL named another'
    // a goal with nothing to do names the database too
    s.mvnOwnDatabase([MIGRATIONS_URL: bUrl], 'migrations:upgrade', pomUrl).succeeds()
        .matches(/Nothing to upgrade: jdbc:postgresql:\S+\/env_db\S*password=\*\*\*\* \(schema public\) is at f1f1f1f1f1f1 \(head\)\./)
        .doesNotContain(secret)
    s.mvnOwnDatabase([MIGRATIONS_URL: bUrl], 'migrations:current', pomUrl).succeeds()
        .matches(/Database: jdbc:postgresql:\S+\/env_db\S* \(schema public\)/).doesNotContain(secret)

    // 3. the command line wins over the environment, for every connection setting
    b = s.freshDatabase('env_db')
    s.mvnOwnDatabase([MIGRATIONS_URL: bUrl, MIGRATIONS_SCHEMA: 'from_env', MIGRATIONS_VERSION_TABLE: 'env_version'],
            'migrations:stamp', '-Drevision=head', "-Dmigrations.url=${a.settings().url()}".toString(),
            '-Dmigrations.schema=from_cli', '-Dmigrations.versionTable=cli_version').succeeds()
        .matches(/Stamped jdbc:postgresql:\S+\/pom_db\S* \(schema from_cli\) at f1f1f1f1f1f1 \(head\)/)
    assert a.tables('from_cli') == ['cli_version', 'cli_version_log']
    assert untouched(b)
    // and the environment's schema and version table over the pom's
    s.mvnOwnDatabase([MIGRATIONS_URL: bUrl, MIGRATIONS_SCHEMA: 'from_env', MIGRATIONS_VERSION_TABLE: 'env_version'],
            'migrations:upgrade', pomUrl).succeeds()
    assert b.tables('from_env') == ['env_version', 'env_version_log', 'widget']
    assert a.tables('public') == []

    // 4. with neither, the pom's url is used
    s.mvnOwnDatabase([:], 'migrations:upgrade', pomUrl).succeeds()
        .matches(/Upgrading jdbc:postgresql:\S+\/pom_db\S* \(schema public\) from base: 1 revision to apply/)
    assert a.tables('public') == ['pom_version', 'pom_version_log', 'widget']
} finally {
    s.close()
}
true
