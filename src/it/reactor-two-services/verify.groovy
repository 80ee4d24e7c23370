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

    // What each module's goal printed in a build without -T: the lines from its
    // '--- migrations:<goal> ... @ <module> ---' to the next blank line or header.
    def printedBy = { result, String goal ->
        def byModule = [:]
        String module = null
        result.output().readLines().each { line ->
            def header = line =~ /^\[INFO\] --- .*:${goal} \(default-cli\) @ (\S+) ---$/
            if (header) {
                module = header[0][1]
                byModule[module] = []
            } else if (line.trim() == '[INFO]' || line.startsWith('[INFO] ---')) {
                module = null
            } else if (module != null) {
                byModule[module] << line
            }
        }
        byModule.findAll { name, lines -> !lines.isEmpty() }
    }
    // every line a goal printed names its service, in a sequential build...
    def eachLineNamesItsModule = { result, String goal ->
        def printed = printedBy(result, goal)
        assert printed.keySet() == ['billing', 'catalog'] as Set: result.output()
        printed.each { module, lines ->
            lines.each { assert it ==~ /\[(INFO|WARNING|ERROR)\] \[${module}\] .*/: "not named after ${module}: ${it}" }
        }
        result
    }
    // ... and in a parallel one, where the modules' lines interleave: a line about a service's
    // schema or revisions names that service, and the other's name is on none of them
    def linesAbout = { result, String module, String schema, List<String> ids ->
        def about = result.output().readLines().findAll { line -> line.contains("schema ${schema}") || ids.any { line.contains(it) } }
        assert !about.isEmpty(): result.output()
        about.each { assert it ==~ /\[(INFO|WARNING|ERROR)\] \[${module}\] .*/: "not named after ${module}: ${it}" }
        result
    }
    def billingIds = ['b111111111b1', 'b222222222b2']
    def catalogIds = ['c111111111c1']
    assert files == [['R20260301_0900_b111111111b1_create_invoice.java', 'R20260301_1000_b222222222b2_create_payment.java'],
                     ['R20260301_0900_c111111111c1_create_product.java']]

    // upgrade at the root upgrades every service, each in its own schema
    def upgrade = s.mvn('migrations:upgrade').succeeds()
        .matches(/Upgrading \S+ \(schema billing\) from base: 2 revisions to apply/)
        .matches(/applied\s+b111111111b1\s+create invoice/)
        .matches(/applied\s+b222222222b2\s+create payment/)
        .matches(/Upgrading \S+ \(schema catalog\) from base: 1 revision to apply/)
        .matches(/applied\s+c111111111c1\s+create product/)
        .contains('Database is at b222222222b2 (head); 2 revisions applied')
        .contains('Database is at c111111111c1 (head); 1 revision applied')
    eachLineNamesItsModule(upgrade, 'upgrade')
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

    // current is not restricted to one service: it reports each, every line naming its module
    def current = s.mvn('migrations:current').succeeds()
        .contains('[billing] b222222222b2 (head), create payment')
        .contains('[catalog] c111111111c1 (head), create product')
        .matches(/\[INFO\] \[billing\] Database: \S+ \(schema billing\)/)
        .matches(/\[INFO\] \[catalog\] Database: \S+ \(schema catalog\)/)
    eachLineNamesItsModule(current, 'current')
    ['history', 'heads'].each { eachLineNamesItsModule(s.mvn("migrations:${it}").succeeds(), it) }
    def parallelCurrent = s.mvn('-T', '2', 'migrations:current').succeeds()
    linesAbout(parallelCurrent, 'billing', 'billing', billingIds)
    linesAbout(parallelCurrent, 'catalog', 'catalog', catalogIds)

    // -pl chooses the one service
    // a build of one service prints its lines as a single-module build does
    s.mvn('migrations:downgrade', '-Dtarget=base', '-pl', 'billing').succeeds()
        .doesNotContain('[billing]')
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

    // a parallel build upgrades both services at once, every line naming its service
    def parallel = s.mvn('-T', '2', 'migrations:upgrade').succeeds()
        .matches(/\[billing\]\s+applied\s+b222222222b2\s+create payment/)
        .matches(/\[catalog\]\s+applied\s+c111111111c1\s+create product/)
        .doesNotContain('thread-safe')
    linesAbout(parallel, 'billing', 'billing', billingIds)
    linesAbout(parallel, 'catalog', 'catalog', catalogIds)
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
        def result = s.mvn('-T', '4', goal).succeeds().doesNotContain('thread-safe').contains('b222222222b2').contains('c111111111c1')
        linesAbout(result, 'billing', 'billing', billingIds)
        linesAbout(result, 'catalog', 'catalog', catalogIds)
    }
    assert state('billing') == billingAtHead
    assert state('catalog') == catalogAtHead
    assert sources() == files
} finally {
    s.close()
}
true
