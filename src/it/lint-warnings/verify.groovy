import dev.migrations.it.Scenario

// check warns about the dangerous DDL of the revisions pending against the database, with the
// live table's size; verify warns about all revisions. A warning per finding, never a failure;
// @AllowLint accepts a rule in one revision for a reason, and refuses an unknown rule or no reason.

def s = Scenario.start(basedir, localRepositoryPath)
try {
    def migrations = new File(basedir, 'src/main/migrations/db/migrations')
    def indexName = new File(migrations, 'R20260801_0910_d2d2d2d2d2d2_index_name_drop_email.java')
    def original = indexName.text
    def indexWarning = '[WARNING] Lint: d2d2d2d2d2d2 (R20260801_0910_d2d2d2d2d2d2_index_name_drop_email.java)' +
        ' [require-concurrent-index-creation] creates index ix_customer_name on customer (name) without CONCURRENTLY:' +
        ' writes to customer wait until it is built'
    def safer = '; safer: op.createIndexConcurrently in a revision with @Revision(transactional = false)'

    s.mvn('migrations:upgrade', '-Dtarget=d1d1d1d1d1d1').succeeds()
    s.db().execute("INSERT INTO customer (id, name, account_id, email)" +
        " SELECT i, 'name ' || i, i, 'c' || i || '@example.com' FROM generate_series(1, 1000) i")
    s.db().execute('ANALYZE customer')

    // two revisions pending: the index on a populated table is named with its size; the allowed
    // drop is said once at info, with its reason; the safe revision says nothing
    def pending = s.mvn('migrations:check').failsCleanly('Revisions are pending: the database is at d1d1d1d1d1d1')
        .contains(indexWarning + ' (customer: about 1,000 rows, ')
        .contains(safer)
        .contains('[INFO] Lint: d2d2d2d2d2d2 (R20260801_0910_d2d2d2d2d2d2_index_name_drop_email.java) [ban-drop-column]' +
            ' 1 finding(s) allowed: release 41 stopped reading email')
        .contains('[WARNING] Lint: 1 finding(s) in 2 pending revision(s), 1 allowed by @AllowLint; docs/lint.md')
        .doesNotContain('drops column customer.email')
        .doesNotContain('d3d3d3d3d3d3 (R20260801_0920')
        .doesNotContain('d1d1d1d1d1d1 (R20260801_0900')
    assert pending.output().readLines().count { it.startsWith('[WARNING] Lint: d2') } == 1: pending.output()

    // an empty table is said to be empty: the index would wait for no row
    s.db().execute('TRUNCATE customer')
    s.mvn('migrations:check').failsCleanly('Revisions are pending')
        .contains(indexWarning + ' (customer is empty now)' + safer)

    // verify: every revision, no database to measure
    s.mvn('migrations:verify').succeeds()
        .contains(indexWarning + safer)
        .contains('[WARNING] Lint: 1 finding(s) in 3 revision(s), 1 allowed by @AllowLint')
        .contains('Verified 3 revision(s).')

    // an allowance must name a rule and give a reason
    indexName.text = original.replace('rule = "ban-drop-column"', 'rule = "ban-drop-colum"')
    s.mvn('migrations:verify')
        .failsCleanly('Revision d2d2d2d2d2d2 (R20260801_0910_d2d2d2d2d2d2_index_name_drop_email.java): @AllowLint(rule = "ban-drop-colum") names no lint rule; use one of')
    indexName.text = original.replace('reason = "release 41 stopped reading email"', 'reason = ""')
    s.mvn('migrations:check')
        .failsCleanly('@AllowLint(rule = "ban-drop-column") gives no reason; say in reason')
    assert s.db().versionHeads() == ['d1d1d1d1d1d1']

    // without the allowance, the drop is reported, and says that it may be read by the release still running
    indexName.text = original.replace('@AllowLint(rule = "ban-drop-column", reason = "release 41 stopped reading email")\n', '')
    s.mvn('migrations:verify').succeeds()
        .contains('[ban-drop-column] drops column customer.email with its values; a release still running that uses it fails')
        .contains('[WARNING] Lint: 2 finding(s) in 3 revision(s);')
    indexName.text = original

    // at head nothing is pending: check has nothing to lint
    s.mvn('migrations:upgrade').succeeds()
    s.mvn('migrations:check').succeeds().doesNotContain('Lint:')
} finally {
    s.close()
}
true
