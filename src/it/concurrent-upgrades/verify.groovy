import dev.migrations.it.Scenario

def ids = (1..20).collect { String.format('e%011x', it) }
def last = ids[-1]
def appliedIds = { result -> (result.output =~ /(?m)^\[INFO\]\s+applied\s+([0-9a-f]{12})\s/).collect { it[1] } }

def waited = []
def s = Scenario.start(basedir, localRepositoryPath)
try {
    (1..2).each { round ->
        assert s.db().tables() == []

        // two upgrades started at the same moment against the same database
        def first = s.start(basedir, 'migrations:upgrade')
        def second = s.start(basedir, 'migrations:upgrade')
        def results = [first.await(), second.await()]
        results.each { it.succeeds() }

        // every revision applied exactly once, across both runs
        def applied = results.collect { appliedIds(it) }
        assert applied.flatten().sort() == ids : "round ${round}: applied ${applied}"
        // one run applied them all, in order; the other found nothing left (after waiting for the lock, or not)
        def winner = results.find { appliedIds(it) == ids }
        def loser = results.find { !it.is(winner) }
        assert winner != null && loser != null : "round ${round}: applied ${applied}"
        winner.contains('20 revisions to apply').contains("Database is at ${last} (head); 20 revisions applied")
        loser.contains("Nothing to upgrade: the database is at ${last} (head).")
        waited << loser.output.contains('Waiting for another migration run to finish (it holds the lock')
        println "round ${round}: the second run ${waited[-1] ? 'waited for the lock' : 'found the work done without waiting'}"

        assert s.db().upgradeCounts() == ids.collect { "${it}|${round}".toString() }
        assert s.db().versionHeads() == [last]
        assert s.db().tables() == (1..20).collect { String.format('t%02d', it) }
        assert s.db().rows("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conname LIKE 'fk\\_t%'") == ['19']

        // back to base with one run, for the next round
        s.mvn('migrations:downgrade', '-Dtarget=base').succeeds().contains('20 revisions to undo')
        assert s.db().versionHeads() == []
    }
    assert s.db().rows("SELECT action, count(*) FROM migrations_version_log GROUP BY 1 ORDER BY 1") == ['downgrade|40', 'upgrade|40']
    // the revisions take over 2 s under the lock: runs started together must have met at it at least once,
    // or this test did not test the lock
    assert waited.any() : "the two runs never overlapped: ${waited}"
} finally {
    s.close()
}
true
