import dev.migrations.it.Scenario

def s = Scenario.start(basedir, localRepositoryPath)
try {
    def empty = s.db().snapshot()
    assert s.db().tables() == []

    s.mvn('migrations:upgrade').succeeds()
        .contains('3 revisions to apply')
        .matches(/applied\s+a1a1a1a1a1a1\s+create customer\s+\(\d+ ms\)/)
        .matches(/applied\s+c3c3c3c3c3c3\s+add phone and seed data/)
        .contains('Database is at c3c3c3c3c3c3 (head); 3 revisions applied')
    assert s.db().tables() == ['customer', 'order']
    assert s.db().versionHeads() == ['c3c3c3c3c3c3']
    assert s.db().rows('SELECT email, phone FROM customer ORDER BY email') ==
        ['ada@example.com|+1 555 0100', 'bob@example.com|+1 555 0100']
    assert s.db().rows("SELECT character_maximum_length FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'") == ['320']
    def atHead = s.db().snapshot()

    s.mvn('migrations:current').succeeds().contains('c3c3c3c3c3c3 (head), add phone and seed data')

    s.mvn('migrations:upgrade').succeeds().matches(/Nothing to upgrade: jdbc:postgresql:\S+ \(schema public\) is at c3c3c3c3c3c3 \(head\)/)

    s.mvn('migrations:downgrade', '-Dtarget=-1').succeeds()
        .matches(/undone\s+c3c3c3c3c3c3/)
        .contains('Database is at b2b2b2b2b2b2')
    assert s.db().versionHeads() == ['b2b2b2b2b2b2']
    assert s.db().rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'customer' ORDER BY 1") ==
        ['created_at', 'email', 'id']
    def atSecond = s.db().snapshot()

    s.mvn('migrations:current').succeeds().contains('b2b2b2b2b2b2, create order').contains('1 revision pending')

    s.mvn('migrations:downgrade', '-Dtarget=base').succeeds().contains('2 revisions to undo')
    assert s.db().tables() == []
    assert s.db().versionHeads() == []
    assert s.db().snapshot() == empty

    s.mvn('migrations:upgrade', '-Dtarget=+2').succeeds().contains('Database is at b2b2b2b2b2b2')
    assert s.db().snapshot() == atSecond

    s.mvn('migrations:upgrade').succeeds().contains('Database is at c3c3c3c3c3c3 (head)')
    assert s.db().snapshot() == atHead

    // an upgrade never moves down: it says how to, and changes nothing
    s.mvn('migrations:upgrade', '-Dtarget=a1a1')
        .failsCleanly("Target 'a1a1' is below the current revision (c3c3c3c3c3c3); to go down to it, run")
    assert s.db().snapshot() == atHead
    assert s.db().versionHeads() == ['c3c3c3c3c3c3']

    s.mvn('migrations:history').succeeds()
        .contains('b2b2b2b2b2b2 -> c3c3c3c3c3c3 (head) (current), add phone and seed data')
        .contains('<base> -> a1a1a1a1a1a1, create customer')

    // all the way down and up again, each in one transaction, reporting where the time went
    def down = s.mvn('migrations:downgrade', '-Dtarget=base', '-Dmigrations.singleTransaction=true', '-Dverbose')
        .succeeds().contains('3 revisions to undo in one transaction').contains('3 revisions undone in')
    // phases in the order they first ran: the class cache is checked (compile) where the first
    // class is loaded, which with every revision's metadata cached is after the lock
    def engineTime = down.output.readLines().find { it.startsWith('[INFO] Engine time: ') }
    assert engineTime =~ /^\[INFO\] Engine time: \d+ ms \(scan \d+ ms, /
    ['compile', 'load', 'graph', 'connect', 'lock', 'apply', 'version table'].each {
        assert engineTime =~ /, ${it} \d+ ms[,)]/: "no ${it} phase in ${engineTime}"
    }
    assert s.db().snapshot() == empty
    s.mvn('migrations:upgrade', '-Dmigrations.singleTransaction=true').succeeds()
        .contains('3 revisions applied in').contains('(one transaction).').doesNotContain('Engine time')
    assert s.db().snapshot() == atHead

    // the applied log: every upgrade and downgrade, with checksums
    assert s.db().rows("SELECT action, count(*) FROM migrations_version_log GROUP BY 1 ORDER BY 1") ==
        ['downgrade|6', 'upgrade|9']
    assert s.db().rows("SELECT count(*) FROM migrations_version_log WHERE action = 'upgrade' AND checksum ~ '^[0-9a-f]{64}\$'") == ['9']
} finally {
    s.close()
}
true
