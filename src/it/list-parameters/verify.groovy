import dev.migrations.it.Scenario

// entityPackages and excludeObjects written three ways: Maven's list form and one comma-separated
// string (two executions of the pom), and a comma-separated -D value with a blank after the comma.
// Each must read both packages and the exclusion: check passes only if it sees both entities and
// leaves the unmapped legacy_audit table alone.

def s = Scenario.start(basedir, localRepositoryPath)
try {
    s.db().execute('CREATE TABLE legacy_audit (id bigint PRIMARY KEY)')
    def commandLine = ['-Dmigrations.entityPackages=com.example.a, com.example.b', '-Dmigrations.excludeObjects=legacy_*']

    s.mvn(*(['migrations:revision', '-Dmessage=create customer and invoice'] + commandLine)).succeeds()
    def written = s.migrationSources()
    assert written.size() == 1
    def source = written[0].text
    assert source.contains('op.createTable("customer"') && source.contains('op.createTable("invoice"')
    assert !source.contains('legacy_audit')
    s.mvn('migrations:upgrade').succeeds()

    s.mvn(*(['migrations:check'] + commandLine)).succeeds().contains('The entity model matches the schema at head (2 entities')
    s.mvn('migrations:check@list-form').succeeds().contains('The entity model matches the schema at head (2 entities')
    s.mvn('migrations:check@comma-string').succeeds().contains('The entity model matches the schema at head (2 entities')

    // the packages and the exclusion do matter: with one package, invoice is a difference. It is
    // printed at error level, so that even -q (errors only) shows why the build failed.
    def quiet = s.mvn('-q', 'migrations:check', '-Dmigrations.entityPackages=com.example.a', '-Dmigrations.excludeObjects=legacy_*')
        .failsCleanly('The entity model differs from the schema at head in 1 way(s), listed above')
        .contains('[ERROR]   drop table invoice')
    assert !quiet.output().contains('[INFO]'): 'not a quiet build:\n' + quiet.output()
    assert s.db().tables() == ['customer', 'invoice', 'legacy_audit']
} finally {
    s.close()
}
true
