import dev.migrations.it.Scenario

// The pom's properties revision, target, message and verbose are the project's, not goal
// arguments: only -D<name> or -Dmigrations.<name> on the command line sets those, the prefixed
// form first.

def s = Scenario.start(basedir, localRepositoryPath)
def migrations = new File(basedir, 'src/main/migrations/db/migrations')
try {
    def files = { -> migrations.list().sort() as List }
    def before = files()

    s.mvn('migrations:stamp').failsCleanly('migrations:stamp needs a revision: -Drevision=head')
        .doesNotContain("No revision matches '1.0.0'")
    assert s.db().rows("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'migrations_version%'") == ['0']

    s.mvn('migrations:stamp', '-Drevision=head').succeeds()
        .matches(/Stamped \S+ \(schema public\) at a7a7a7a7a7a7 \(head\) \(was base\)/)
    s.mvn('migrations:stamp', '-Dmigrations.revision=base').succeeds()
        .matches(/Stamped \S+ \(schema public\) at base \(was a7a7a7a7a7a7\)/)
    // the prefixed form wins over the short one
    s.mvn('migrations:stamp', '-Dmigrations.revision=head', '-Drevision=base').succeeds()
        .matches(/at a7a7a7a7a7a7 \(head\) \(was base\)/)
    assert s.db().versionHeads() == ['a7a7a7a7a7a7']
    s.mvn('migrations:stamp', '-Dmigrations.revision=base').succeeds()

    // <target>nowhere</target> in the properties is not the target: upgrade goes to head
    s.mvn('migrations:upgrade').succeeds().matches(/applied\s+a7a7a7a7a7a7\s+create gadget/)
    assert s.db().tables() == ['gadget']
    s.mvn('migrations:downgrade', '-Dmigrations.target=base').succeeds().contains('1 revision undone')
    assert s.db().tables() == []

    // nor is <message>, nor <verbose>
    s.mvn('migrations:revision', '-Dautogenerate=false').failsCleanly('A revision needs a message')
    assert files() == before
    s.mvn('migrations:current').succeeds().doesNotContain('[upgraded ')
    s.mvn('migrations:upgrade').succeeds()
    s.mvn('migrations:current', '-Dmigrations.verbose').succeeds().matches(/a7a7a7a7a7a7 \(head\), create gadget \[upgraded .* by /)

    s.mvn('migrations:revision', '-Dmigrations.autogenerate=false', '-Dmigrations.message=add note').succeeds()
    def added = files() - before
    assert added.size() == 1 && added[0].endsWith('_add_note.java')
} finally {
    s.close()
}
true
