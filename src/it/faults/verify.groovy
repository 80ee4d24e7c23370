import dev.migrations.it.Scenario

// Faults in the middle of a revision, against a real PostgreSQL: the revision is never half
// applied or recorded, the lock never stays stuck, and the next run completes.

def s = Scenario.start(basedir, localRepositoryPath)
def APP = "application_name = 'migrations-maven-plugin' AND pid <> pg_backend_pid()"

// the backend running the slow revision's pg_sleep, once it is there
def sleeper = { ->
    def rows = s.db().rows("SELECT pid FROM pg_stat_activity WHERE ${APP} AND state = 'active' AND query LIKE 'SELECT pg_sleep(%'")
    rows.isEmpty() ? null : rows[0]
}
def awaitSleeper = { run ->
    long deadline = System.currentTimeMillis() + 120_000
    while (sleeper() == null) {
        assert run.isAlive(): 'the build ended before reaching the slow revision'
        assert System.currentTimeMillis() < deadline: 'the slow revision never started'
        Thread.sleep(100)
    }
    sleeper()
}
def lockHolders = { -> s.db().rows("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted") }
def pluginBackends = { -> s.db().rows("SELECT pid, state, query FROM pg_stat_activity WHERE ${APP}") }
// polls until the condition holds; returns the milliseconds it took
def within = { long limitMillis, String what, Closure<Boolean> condition ->
    long start = System.nanoTime()
    while (!condition()) {
        long took = (System.nanoTime() - start).intdiv(1_000_000)
        assert took < limitMillis: "${what}: still not so after ${took} ms (backends: ${pluginBackends()})"
        Thread.sleep(20)
    }
    (System.nanoTime() - start).intdiv(1_000_000)
}
def atFirst = { String when ->
    assert s.db().versionHeads() == ['f00000000001']: when
    assert s.db().tables() == ['first']: "${when}: ${s.db().tables()}"
    assert s.db().upgradeCounts() == ['f00000000001|1']: "${when}: the log has ${s.db().upgradeCounts()}"
}

try {
    s.mvn('migrations:upgrade', '-Dtarget=f00000000001').succeeds()
    atFirst('after the first revision')

    // --- a run that waits for the lock gives up after lockTimeout, naming the holder ----------
    def slow = s.start(basedir, 'migrations:upgrade', '-Dit.sleepSeconds=300')
    def slowPid = awaitSleeper(slow)
    def holder = lockHolders()
    assert holder.size() == 1
    s.mvn('migrations:upgrade', '-Dmigrations.lockTimeout=2')
        .failsCleanly('Another migration run still holds the lock after 2 s (backend pid ' + holder[0] + ', user ')
        .contains('; wait for it to finish or raise migrations.lockTimeout.')
    assert sleeper() == slowPid: 'the waiting run disturbed the one holding the lock'

    // --- SIGKILL in the middle of the long revision --------------------------------------------
    slow.kill()
    long lockFreed = within(2_000, 'the lock after SIGKILL') { lockHolders().isEmpty() }
    // the backend busy in pg_sleep notices its dead client by polling (client_connection_check_interval)
    long backendsGone = within(10_000, 'the killed build\'s backends') { pluginBackends().isEmpty() }

    println "after SIGKILL: lock free in ${lockFreed} ms, all the build's backends gone in ${backendsGone} ms"
    atFirst('after SIGKILL')

    // --- the server terminates the migration's connection --------------------------------------
    def terminated = s.start(basedir, 'migrations:upgrade', '-Dit.sleepSeconds=300')
    def victim = awaitSleeper(terminated)
    assert s.db().rows("SELECT pg_terminate_backend(${victim})") == ['t']
    terminated.await()
        .failsCleanly('Revision f00000000002 (slow second) failed in upgrade()')
        .contains('The connection to the database was lost; the server rolled the revision back and nothing of it was recorded')
    within(2_000, 'the lock after the failed run') { lockHolders().isEmpty() }
    atFirst('after pg_terminate_backend of the migration connection')

    // --- the server terminates the session holding the lock -------------------------------------
    def lockLost = s.start(basedir, 'migrations:upgrade', '-Dit.sleepSeconds=3')
    awaitSleeper(lockLost)
    def lockPid = lockHolders()
    assert lockPid.size() == 1
    assert s.db().rows("SELECT pg_terminate_backend(${lockPid[0]})") == ['t']
    // the revision under way completes; the run stops before the next one instead of going on unlocked
    lockLost.await().failsCleanly('Lost the migration lock').doesNotContain('f00000000003')
    assert s.db().versionHeads() == ['f00000000002']
    assert !s.db().tables().contains('third')

    // --- after all of it, a plain run completes ------------------------------------------------
    // (the last revision builds an index CONCURRENTLY outside a transaction, under the run's lock)
    s.mvn('migrations:upgrade').succeeds().matches(/applied\s+f00000000003\s+create third/).matches(/applied\s+f00000000004\s+index third concurrently/)
    assert s.db().versionHeads() == ['f00000000004']
    assert s.db().tables() == ['first', 'second', 'third']
    assert s.db().upgradeCounts() == ['f00000000001|1', 'f00000000002|1', 'f00000000003|1', 'f00000000004|1']
    assert s.db().rows("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ix_third_id_desc'") == ['t']
    // and back: DROP INDEX CONCURRENTLY likewise
    s.mvn('migrations:downgrade', '-Dtarget=-1').succeeds().matches(/undone\s+f00000000004/)
    assert s.db().rows("SELECT count(*) FROM pg_class WHERE relname = 'ix_third_id_desc'") == ['0']
    assert s.db().rows("SELECT indexname FROM pg_indexes WHERE tablename = 'second' AND indexname = 'ix_second_first'") == ['ix_second_first']
} finally {
    s.close()
}
true
