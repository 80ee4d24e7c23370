import dev.migrations.it.HibernateExport
import dev.migrations.it.ItDatabase
import dev.migrations.it.Scenario

// Autogenerate the first revision of a 16-entity model that uses every common JPA/Hibernate
// mapping, and prove it right against an oracle: Hibernate's own schema tooling creating the
// same model in a database of its own. The schema the generated migration builds must be the
// same catalog (tables, columns, constraints with their names, indexes, sequences, comments).

def migrations = new File(basedir, 'src/main/migrations')

def s = Scenario.start(basedir, localRepositoryPath)
try {
    assert s.db().tables() == []
    assert s.migrationSources() == []
    def empty = s.db().snapshot()

    // The oracle: the application's Hibernate creates the model in a database of its own, as
    // it would on a deployment that predates the migrations
    def oracle = s.freshDatabase('oracle')
    def classes = HibernateExport.compile(new File(basedir, 'src/main/java'), new File(basedir, 'target/oracle/classes'))
    HibernateExport.createSchema(classes, 'com.example.shop.model', oracle.settings().url(), oracle.settings().username(),
        new File(basedir, 'target/oracle/create.sql'))
    def onOracle = ["-Dmigrations.url=${oracle.settings().url()}".toString()]
    def oracleState = { -> oracle.snapshot() + oracle.columnOrder() }
    def versionTables = { -> oracle.rows(
        "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'migrations\\_version%'")[0] }
    def hibernateMade = oracleState()

    // a revision against that database would hold nothing (it has every table): refused, with
    // the way to write the baseline instead; nothing written, the database untouched
    s.mvn((['migrations:revision', '-Dmessage=baseline'] + onOracle) as String[])
        .failsCleanly('but no revision is recorded in it: it predates the migrations')
        .contains('-DdevDatabase=embedded').contains('-Drevision=head')
    assert s.migrationSources() == []
    assert oracleState() == hibernateMade
    assert versionTables() == '0'

    // (a) the first revision: the whole model
    def first = s.mvn('migrations:revision', '-Dmessage=initial schema', '-Dverbose').succeeds()
    // where the time went, phase by phase (the model is built while the rest goes on: order varies)
    def engineTime = first.output.readLines().find { it.startsWith('[INFO] Engine time: ') }
    assert engineTime != null
    ['position', 'live read', 'embedded server', 'model build', 'revisions', 'model schema', 'diff', 'write'].each {
        assert engineTime =~ /[(,] ?${it} \d+ ms[,)]/: "no ${it} phase in ${engineTime}"
    }
    def written = s.migrationSources()
    assert written.size() == 1: "expected exactly one new migration, got ${written}"
    def file = written[0]
    assert file.parentFile == new File(migrations, 'db/migrations')
    def name = (file.name =~ /^[A-Za-z]+\d{8}_\d{4}_([0-9a-f]{12})_initial_schema\.java$/)
    assert name.matches(): "unexpected file name ${file.name}"
    def id = name[0][1]
    first.contains(file.name).contains(id)
    def code = file.text
    assert code.contains('op.createTable')
    assert code.contains('dropTable'): 'the downgrade drops what the upgrade created'

    // (b) apply it
    s.mvn('migrations:upgrade').succeeds().contains("Database is at ${id} (head); 1 revision applied")
    assert s.db().versionHeads() == [id]
    def migrated = s.db().snapshot()

    // (c) the oracle, made at the start: Hibernate created the same model in a database of its own
    def expected = oracle.snapshot()
    // the model is what this test means it to be
    assert oracle.tables() == ['bank_transfer_payment', 'card_payment', 'category', 'customer', 'customer_phone',
                               'invoice', 'order', 'orderline', 'payment', 'price_history', 'product', 'product_tag',
                               'review', 'stock_level', 'tag', 'user', 'user_permission']
    // 4 @SequenceGenerator sequences (identity columns' own sequences are not listed) and 4 identity columns
    assert expected.findAll { it.startsWith('sequence ') } ==
        ['sequence category_seq 1 1', 'sequence order_line_seq 1000 50', 'sequence order_seq 1 20', 'sequence payment_seq 1 10']
    assert expected.count { it.startsWith('column ') && it.endsWith(' YES') } == 4
    ItDatabase.requireSameCatalog('after upgrade', migrated, expected)
    // what \d and pg_dump show: every table's columns, and every composite key's columns, in
    // the order the application's Hibernate creates them
    def expectedOrder = oracle.columnOrder()
    ItDatabase.requireSameCatalog('column order', s.db().columnOrder(), expectedOrder)
    def compositeKeys = expected.findAll { it.contains('PRIMARY KEY') && it.contains(',') }.collect { it.split(' ')[1] }
    assert compositeKeys.containsAll(['price_history', 'product_tag', 'stock_level']):
        "composite keys of a join table, an @IdClass and an @EmbeddedId: ${compositeKeys}"
    ItDatabase.requireSameCatalog('column comments', s.db().columnComments(), oracle.columnComments())
    assert oracle.columnComments().size() == 3

    // (d) the model and the schema at head agree
    s.mvn('migrations:check').succeeds()

    // (e) nothing to do the second time
    s.mvn('migrations:revision', '-Dmessage=again').succeeds().contains('No changes detected')
    assert s.migrationSources() == written
    // and the same against a throwaway embedded database upgraded to head, as a fresh clone or CI sees it
    s.mvn('migrations:revision', '-Dmessage=again', '-DdevDatabase=embedded').succeeds()
        .contains('No changes detected').contains('throwaway embedded database upgraded to head')
    s.mvn('migrations:check', '-DdevDatabase=embedded').succeeds().contains('matches the schema at head')
    assert s.migrationSources() == written
    assert file.text == code

    // (f) the downgrade is the exact inverse; upgrading again rebuilds the same schema
    s.mvn('migrations:downgrade', '-Dtarget=base').succeeds()
    assert s.db().tables() == []
    assert s.db().versionHeads() == []
    assert s.db().snapshot() == empty
    s.mvn('migrations:check').failsCleanly('Revisions are pending')
    s.mvn('migrations:upgrade').succeeds().contains("Database is at ${id} (head)")
    ItDatabase.requireSameCatalog('after downgrade and upgrade', s.db().snapshot(), expected)
    ItDatabase.requireSameCatalog('column order after downgrade and upgrade', s.db().columnOrder(), expectedOrder)
    s.mvn('migrations:check').succeeds()

    // (g) adopting the database Hibernate made (docs/adopting.md): upgrade refuses, naming
    // stamp, and changes nothing; stamped at head, check passes and revision finds nothing
    s.mvn((['migrations:upgrade'] + onOracle) as String[])
        .failsCleanly('The database predates the migrations').contains('stamp')
    // the version tables may stay, empty, as after any failed first revision
    assert oracleState() == hibernateMade
    assert oracle.rows('SELECT count(*) FROM migrations_version') == ['0']
    s.mvn((['migrations:stamp', '-Drevision=head'] + onOracle) as String[]).succeeds()
    assert oracle.versionHeads() == [id]
    s.mvn((['migrations:check'] + onOracle) as String[]).succeeds().contains('matches the schema at head')
    s.mvn((['migrations:revision', '-Dmessage=adopted'] + onOracle) as String[]).succeeds().contains('No changes detected')
    assert s.migrationSources() == written
    ItDatabase.requireSameCatalog('the adopted database', oracle.snapshot(), expected)
} finally {
    s.close()
}
true
