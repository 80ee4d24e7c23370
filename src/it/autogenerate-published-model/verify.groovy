import dev.migrations.it.HibernateExport
import dev.migrations.it.ItDatabase
import dev.migrations.it.Scenario

// A large real-world model nobody here wrote: Keycloak's JPA entities as published on Maven
// Central (keycloak-model-jpa), a dependency of this project. The baseline revision is written
// for one published version and the evolution revision for the next; each must build exactly
// the schema Hibernate itself creates for that version (the oracle: HibernateExport, which
// shares no code with the plugin), column order and key column order included.

final String OLD = '26.0.8'
final String NEW = '26.4.0'
def at = { String version -> "-Dkeycloak.version=${version}".toString() }
def packages = ['org.keycloak.models.jpa.entities', 'org.keycloak.models.jpa.session',
                'org.keycloak.authorization.jpa.entities', 'org.keycloak.events.jpa', 'org.keycloak.storage.jpa.entity',
                'org.keycloak.storage.configuration.jpa.entity', 'org.keycloak.models.workflow']

def s = Scenario.start(basedir, localRepositoryPath)

// Hibernate's own schema for a version, in a fresh database of its own. The class path is the
// one this project's build resolves for that version (Maven's dependency resolution, the same
// local repository), without the provided Hibernate and Jakarta Persistence: the oracle runs
// its own, which are the same versions.
def oracleOf = { String version ->
    def classpathFile = new File(basedir, "target/oracle/${version}/classpath.txt")
    s.mvn('dependency:build-classpath', at(version), "-Dmdep.outputFile=${classpathFile}".toString(),
        '-DexcludeScope=provided').succeeds()
    def classpath = classpathFile.text.trim().split(File.pathSeparator).collect { new File(it) }
    def model = classpath.find { it.name == "keycloak-model-jpa-${version}.jar".toString() }
    assert model != null: "no keycloak-model-jpa ${version} in ${classpath}"
    assert !classpath.any { it.name.startsWith('hibernate-core-') }: 'one Hibernate: the oracle\'s own'
    def oracle = s.freshDatabase('oracle_' + version.replace('.', '_'))
    def modelClasses = HibernateExport.createSchema([model], classpath - model, packages, oracle.settings().url(),
        oracle.settings().username(), null, new File(basedir, "target/oracle/${version}/create.sql"), [:])
    [db: oracle, classes: modelClasses, snapshot: oracle.snapshot(), columnOrder: oracle.columnOrder()]
}
def compositeKeys = { List<String> snapshot ->
    snapshot.findAll { it.startsWith('constraint ') && it =~ /PRIMARY KEY \([^)]*,/ }
}
// table -> its columns in physical order, from columnOrder() lines 'columns t: a, b, c'
def orderByTable = { List<String> lines ->
    lines.collectEntries { line ->
        def m = (line =~ /^columns (\S+): (.*)$/)
        assert m.matches(): line
        [(m[0][1]): m[0][2].split(', ') as List]
    }
}

try {
    assert s.db().tables() == []
    def empty = s.db().snapshot()

    // (1) the baseline: the whole published model against an empty database, then applied
    def old = oracleOf(OLD)
    def baseline = s.writtenRevision([], s.mvn('migrations:revision', at(OLD), "-Dmessage=keycloak ${OLD}".toString(),
        '-Dverbose').succeeds(), 'keycloak_26_0_8')
    assert baseline.file.text.count('op.createTable(') == old.db.tables().size()
    s.mvn('migrations:upgrade', at(OLD)).succeeds().contains("Database is at ${baseline.id} (head); 1 revision applied")

    // (2) the same catalog as Hibernate's own create: tables, columns, constraints with their
    // names, indexes, sequences, comments; and the column order of every table
    // 60 entities in 26.0.8 (no embeddables or converters in these packages), 62 in 26.4.0
    assert old.classes.size() == 60
    // 84 tables (the entities' and their collection and join tables), 70 foreign keys, 21 unique constraints
    assert old.db.tables().size() == 84: "a large model: ${old.db.tables()}"
    ItDatabase.requireSameCatalog("keycloak ${OLD} after upgrade", s.db().snapshot(), old.snapshot)
    ItDatabase.requireSameCatalog("keycloak ${OLD} column order", s.db().columnOrder(), old.columnOrder)
    assert compositeKeys(old.snapshot).size() >= 30: "composite keys compared, key column order included: ${compositeKeys(old.snapshot)}"

    // (3) nothing more to do, and check agrees
    s.mvn('migrations:revision', at(OLD), '-Dmessage=again').succeeds().contains('No changes detected')
    assert s.migrationSources() == [baseline.file]
    s.mvn('migrations:check', at(OLD)).succeeds().contains('The entity model matches the schema at head (60 entities')

    // (4) down to nothing and up again: the same catalog
    s.mvn('migrations:downgrade', '-Dtarget=base').succeeds()
    assert s.db().tables() == []
    assert s.db().snapshot() == empty
    s.mvn('migrations:upgrade', at(OLD)).succeeds().contains("Database is at ${baseline.id} (head)")
    ItDatabase.requireSameCatalog("keycloak ${OLD} after downgrade and upgrade", s.db().snapshot(), old.snapshot)
    ItDatabase.requireSameCatalog("keycloak ${OLD} column order after downgrade and upgrade", s.db().columnOrder(), old.columnOrder)

    // (5) the next published version: the evolution revision
    def next = oracleOf(NEW)
    assert next.classes.size() == 62
    def evolution = s.writtenRevision([baseline.file], s.mvn('migrations:revision', at(NEW),
        "-Dmessage=keycloak ${NEW}".toString()).succeeds(), 'keycloak_26_4_0')
    def createdTables = next.db.tables() - old.db.tables()
    assert !createdTables.isEmpty(): 'the new version maps new tables'
    createdTables.each { assert evolution.file.text.contains("op.createTable(\"${it}\"") }
    s.mvn('migrations:upgrade', at(NEW)).succeeds().contains("Database is at ${evolution.id} (head); 1 revision applied")
    ItDatabase.requireSameCatalog("keycloak ${NEW} after the evolution", s.db().snapshot(), next.snapshot)
    // Column order: a table the revision creates has Hibernate's order; a column added to a
    // table that exists comes last, as PostgreSQL appends it (ALTER TABLE cannot insert), after
    // the columns kept in their old order
    def oldOrder = orderByTable(old.columnOrder)
    def newOrder = orderByTable(next.columnOrder)
    def migratedOrder = orderByTable(s.db().columnOrder())
    assert newOrder.any { table, columns -> oldOrder.containsKey(table) && !oldOrder[table].containsAll(columns) }:
        'the new version adds columns to existing tables'
    assert migratedOrder.keySet() == newOrder.keySet()
    newOrder.each { table, columns ->
        if (!oldOrder.containsKey(table)) {
            assert migratedOrder[table] == columns: "column order of the new table ${table}"
        } else {
            def kept = oldOrder[table].findAll { columns.contains(it) }
            def added = columns.findAll { !oldOrder[table].contains(it) }
            assert migratedOrder[table].take(kept.size()) == kept: "column order of ${table}"
            assert migratedOrder[table].drop(kept.size()) as Set == added as Set: "columns added to ${table}"
        }
    }
    s.mvn('migrations:check', at(NEW)).succeeds().contains('The entity model matches the schema at head (62 entities')
    s.mvn('migrations:revision', at(NEW), '-Dmessage=again').succeeds().contains('No changes detected')
    assert s.migrationSources() == [baseline.file, evolution.file]

    // back to the old version: its catalog exactly; the column order is the old one where the
    // evolution only added columns (dropping them leaves the others in place; a column the
    // evolution dropped would come back last). The evolution's revision is pending again.
    s.mvn('migrations:downgrade', '-Dtarget=-1').succeeds()
    assert s.db().versionHeads() == [baseline.id]
    ItDatabase.requireSameCatalog("keycloak ${OLD} after downgrading the evolution", s.db().snapshot(), old.snapshot)
    def droppedColumns = oldOrder.any { table, columns -> newOrder.containsKey(table) && !newOrder[table].containsAll(columns) }
    if (!droppedColumns) {
        ItDatabase.requireSameCatalog("keycloak ${OLD} column order after downgrading the evolution",
            s.db().columnOrder(), old.columnOrder)
    }
    s.mvn('migrations:check', at(OLD)).failsCleanly('Revisions are pending')
} finally {
    s.close()
}
true
