import dev.migrations.it.Scenario

// Two services in one reactor. Every scenario build gets the same -Dmigrations.url, so each
// module configures its own <schema>: billing and catalog must never see each other's tables.

def s = Scenario.start(basedir, localRepositoryPath)
try {
    def heads = { String schema ->
        s.db().rows("SELECT to_regclass('${schema}.migrations_version') IS NOT NULL")[0] == 't'
            ? s.db().rows("SELECT version_num FROM ${schema}.migrations_version ORDER BY 1") : []
    }
    def state = { String schema -> s.db().snapshot(schema) + heads(schema) }
    def sources = { ->
        ['billing', 'catalog'].collect { new File(basedir, "${it}/src/main/migrations/db/migrations").list().sort() }
    }
    def files = sources()
    assert files == [['R20260301_0900_b111111111b1_create_invoice.java', 'R20260301_1000_b222222222b2_create_payment.java'],
                     ['R20260301_0900_c111111111c1_create_product.java']]

    // upgrade at the root upgrades every service, each in its own schema
    s.mvn('migrations:upgrade').succeeds()
        .matches(/Upgrading \S+ \(schema billing\) from base: 2 revisions to apply/)
        .matches(/applied\s+b111111111b1\s+create invoice/)
        .matches(/applied\s+b222222222b2\s+create payment/)
        .matches(/Upgrading \S+ \(schema catalog\) from base: 1 revision to apply/)
        .matches(/applied\s+c111111111c1\s+create product/)
        .contains('Database is at b222222222b2 (head); 2 revisions applied')
        .contains('Database is at c111111111c1 (head); 1 revision applied')
    assert s.db().tables('billing') == ['invoice', 'payment']
    assert s.db().tables('catalog') == ['product']
    assert s.db().tables('public') == []
    assert s.db().rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") == ['0']
    assert heads('billing') == ['b222222222b2']
    assert heads('catalog') == ['c111111111c1']
    def billingAtHead = state('billing')
    def catalogAtHead = state('catalog')

    // downgrade acts on one service: at the root it refuses, naming both, and changes nothing
    s.mvn('migrations:downgrade', '-Dtarget=base').failsCleanly('-pl <module>')
        .matches(/\[ERROR\] Failed to execute goal .*migrations:downgrade acts on one service, but this build has 2 \(billing, catalog\)/)
        .doesNotContain('undone')
        // a user error like any other, not reported as a crash of the plugin ("Execution ... failed")
        .doesNotContain('Execution default-cli of goal')
        .doesNotContain('PluginExecutionException')
    assert state('billing') == billingAtHead
    assert state('catalog') == catalogAtHead

    // so do revision, stamp and merge; none writes a file
    s.mvn('migrations:revision', '-Dautogenerate=false', '-Dmessage=x').failsCleanly('-pl <module>')
        .doesNotContain('Generated')
    s.mvn('migrations:stamp', '-Drevision=base').failsCleanly('-pl <module>')
    s.mvn('migrations:merge', '-Dmessage=x').failsCleanly('-pl <module>')
    assert sources() == files
    assert state('billing') == billingAtHead
    assert state('catalog') == catalogAtHead

    // current is not restricted to one service: it reports each
    s.mvn('migrations:current').succeeds()
        .contains('b222222222b2 (head), create payment')
        .contains('c111111111c1 (head), create product')

    // -pl chooses the one service
    s.mvn('migrations:downgrade', '-Dtarget=base', '-pl', 'billing').succeeds()
        .matches(/Downgrading \S+ \(schema billing\) from b222222222b2 \(head\): 2 revisions to undo/)
        .matches(/undone\s+b222222222b2/)
        .matches(/undone\s+b111111111b1/)
        .doesNotContain('c111111111c1')
    assert s.db().tables('billing') == []
    assert heads('billing') == []
    assert state('catalog') == catalogAtHead

    s.mvn('migrations:downgrade', '-Dtarget=base', '-pl', 'catalog').succeeds().matches(/undone\s+c111111111c1/)
    assert s.db().tables('catalog') == []
    assert heads('catalog') == []

    // a parallel build upgrades both services at once
    s.mvn('-T', '4', 'migrations:upgrade').succeeds()
        .matches(/applied\s+b222222222b2\s+create payment/)
        .matches(/applied\s+c111111111c1\s+create product/)
        .doesNotContain('thread-safe')
    assert state('billing') == billingAtHead
    assert state('catalog') == catalogAtHead
    assert s.db().rows("SELECT revision, count(*) FROM billing.migrations_version_log WHERE action = 'upgrade' GROUP BY 1 ORDER BY 1") ==
        ['b111111111b1|2', 'b222222222b2|2']
    assert s.db().rows("SELECT revision, count(*) FROM catalog.migrations_version_log WHERE action = 'upgrade' GROUP BY 1 ORDER BY 1") ==
        ['c111111111c1|2']

    // and again in parallel: nothing left to do in either
    s.mvn('-T', '4', 'migrations:upgrade').succeeds()
        .matches(/Nothing to upgrade: jdbc:postgresql:\S+ \(schema billing\) is at b222222222b2 \(head\)/)
        .matches(/Nothing to upgrade: jdbc:postgresql:\S+ \(schema catalog\) is at c111111111c1 \(head\)/)
    // every reporting goal is safe in a parallel build too, and reports both services
    ['migrations:current', 'migrations:history', 'migrations:heads', 'migrations:check'].each { goal ->
        s.mvn('-T', '4', goal).succeeds().doesNotContain('thread-safe').contains('b222222222b2').contains('c111111111c1')
    }
    assert state('billing') == billingAtHead
    assert state('catalog') == catalogAtHead
    assert sources() == files
} finally {
    s.close()
}
true
