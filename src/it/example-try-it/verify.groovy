import dev.migrations.it.HibernateExport
import dev.migrations.it.ItDatabase
import dev.migrations.it.Scenario
import java.nio.file.Files
import java.nio.file.StandardCopyOption

// The steps of src/example/try-it.sh, on a copy of the bundled example service (shop/) and
// against the scenario's database. The bundled revision builds exactly the schema Hibernate
// itself creates for the example's entities, and check passes. The entity edit the script makes
// (src/example/edit, copied over the example as the script copies it) makes check fail naming
// each difference; revision writes them (a new column, its index, a dropped column with a
// REVIEW note); after upgrade check passes; downgrade -1 gives the bundled schema back.

File example = new File(exampleDirectory)
def copyTree = { File from, File to ->
    from.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        File copy = new File(to, from.toPath().relativize(file.toPath()).toString())
        copy.parentFile.mkdirs()
        Files.copy(file.toPath(), copy.toPath(), StandardCopyOption.REPLACE_EXISTING)
    }
}
File shop = new File(basedir, 'shop')
copyTree(new File(example, 'shop'), shop)

// The non-blank lines of a generated method's body, without the comments that name the entity
// or field an operation comes from.
def body = { String code, String method ->
    int start = code.indexOf("public void ${method}(Operations op) {")
    assert start >= 0: "no ${method}() in\n${code}"
    code.substring(start, code.indexOf('\n    }', start)).readLines().drop(1)*.trim()
        .findAll { it && !it.startsWith('// com.example.shop.') }
}

def s = Scenario.start(shop, localRepositoryPath)
def ran = []
def step = { String... arguments ->
    ran << arguments.join(' ')
    s.mvn(arguments)
}
try {
    def bundled = s.migrationSources()
    assert bundled.size() == 1: "the example ships one revision, the baseline: ${bundled}"
    String baseline = (bundled[0].name =~ /_([0-9a-f]{12})_/)[0][1]

    step('migrations:upgrade').succeeds().contains("Database is at ${baseline} (head); 1 revision applied")
    assert s.db().tables() == ['customer', 'order']
    def atBaseline = s.db().snapshot()
    def columnsAtBaseline = s.db().columnOrder()
    def oracle = s.freshDatabase('oracle')
    def classes = HibernateExport.compile(new File(shop, 'src/main/java'), new File(shop, 'target/oracle/classes'))
    HibernateExport.createSchema(classes, 'com.example.shop.model', oracle.settings().url(), oracle.settings().username(),
        new File(shop, 'target/oracle/create.sql'))
    ItDatabase.requireSameCatalog('the bundled revision against Hibernate\'s schema (shop/target/oracle/create.sql)',
        atBaseline, oracle.snapshot())
    assert columnsAtBaseline == oracle.columnOrder()
    step('migrations:check').succeeds().contains('The entity model matches the schema at head (2 entities')

    copyTree(new File(example, 'edit'), shop)
    step('migrations:check').failsCleanly('The entity model differs from the schema at head in 3 way(s)')
        .contains('[ERROR]   add column phone to customer')
        .contains('[ERROR]   create index ix_customer_phone on customer')
        .contains('[ERROR]   drop column birth_date from customer')
    assert s.migrationSources() == bundled: 'check writes nothing'

    def written = s.writtenRevision(bundled,
        step('migrations:revision', '-Dmessage=add phone to customer, drop birth date').succeeds(),
        'add_phone_to_customer_drop_birth_date')
    String code = written.file.text
    assert code.contains("parents = \"${baseline}\"")
    assert body(code, 'upgrade') == [
        'op.addColumn("customer", column("phone", varchar(32)));',
        '// REVIEW [require-concurrent-index-creation]: creates index ix_customer_phone on customer (phone) without' +
            ' CONCURRENTLY: writes to customer wait until it is built',
        'op.createIndex("customer", index("ix_customer_phone", "phone"));',
        '// REVIEW [ban-drop-column]: drops column customer.birth_date with its values; a release still running that' +
            ' uses it fails',
        'op.dropColumn("customer", "birth_date");',
    ]
    assert body(code, 'downgrade') == [
        'op.addColumn("customer", column("birth_date", date()));',
        'op.dropIndex("ix_customer_phone");',
        '// REVIEW [ban-drop-column]: drops column customer.phone with its values; a release still running that' +
            ' uses it fails',
        'op.dropColumn("customer", "phone");',
    ]

    step('migrations:upgrade').succeeds().contains("Database is at ${written.id} (head); 1 revision applied")
    assert s.db().rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'customer'"
        + " AND column_name IN ('phone', 'birth_date')") == ['phone']
    assert s.db().rows("SELECT indexname FROM pg_indexes WHERE indexname = 'ix_customer_phone'") == ['ix_customer_phone']
    step('migrations:check').succeeds().contains('The entity model matches the schema at head (2 entities')

    step('migrations:downgrade', '-Dtarget=-1').succeeds().contains("Database is at ${baseline};")
    ItDatabase.requireSameCatalog('after downgrade -1, against the bundled revision', s.db().snapshot(), atBaseline)
    step('migrations:history').succeeds()
        .contains("${baseline} -> ${written.id} (head), add phone to customer, drop birth date")
        .contains("<base> -> ${baseline} (current), create customer and order")

    // the script runs the same steps (its quotes are the shell's)
    def scripted = new File(example, 'try-it.sh').readLines()
        .collect { (it =~ /^\s*(?:if )?step mvn (.+?)(?:; then)?$/).with { m -> m.find() ? m.group(1).replace('"', '') : null } }
        .findAll()
    assert ran == scripted

    // the CI trio on throwaway databases passes on the example as the script leaves it: beside the
    // database the build names, on its server, which is left as found
    def throwaways = "SELECT datname FROM pg_database WHERE datname LIKE 'migrations_verify%'"
    def schemaBefore = s.db().snapshot()
    def logBefore = s.db().rows('SELECT id, revision, action FROM migrations_version_log ORDER BY id')
    s.mvn('migrations:verify').succeeds()
        .contains('Verifying the revisions on throwaway databases of the server of ' + s.url())
        .contains('fresh database upgraded to head: 2 revision(s) applied')
        .contains('stamped at head again: upgrade does nothing')
        .contains('up, down and up again: 2 revision(s) restore the schema exactly')
        .contains('the entity model matches the schema at head (2 entities)')
    assert s.db().rows(throwaways) == []
    assert s.db().snapshot() == schemaBefore
    assert s.db().rows('SELECT id, revision, action FROM migrations_version_log ORDER BY id') == logBefore
    // with no database named, on the embedded PostgreSQL's
    s.mvnOwnDatabase([:], 'migrations:verify').succeeds()
        .contains('Verifying the revisions on throwaway databases of the embedded PostgreSQL')
        .contains('up, down and up again: 2 revision(s) restore the schema exactly')
    // a user who may not create databases is told so, and nothing is left behind
    s.db().execute('CREATE ROLE verifier LOGIN')
    s.mvnOwnDatabase([:], 'migrations:verify', '-Dmigrations.url=' + s.url().replaceFirst(/\?.*/, ''),
            '-Dmigrations.username=verifier')
        .failsCleanly('permission denied to create database. They are made and dropped beside the configured database'
            + ': connect as a user allowed to create databases (CREATEDB), or leave the url out')
    assert s.db().snapshot() == schemaBefore
    // and names the revision whose hand-written downgrade() forgets to drop its index
    new File(shop, 'src/main/migrations/db/migrations/R20261207_0900_f0f0f0f0f0f0_index_order_status.java').text = """\
package db.migrations;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "f0f0f0f0f0f0", parents = "${written.id}", message = "index order status", created = "2026-12-07T09:00:00")
public class R20261207_0900_f0f0f0f0f0f0_index_order_status implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndex("ix_order_status", "order", "status");
    }

    @Override
    public void downgrade(Operations op) {
    }
}
"""
    s.mvn('migrations:verify').failsCleanly('Revision f0f0f0f0f0f0 (index order status): '
        + 'its downgrade() does not restore the schema before it'
        + '; after upgrade and downgrade, drop index ix_order_status')
    assert s.db().rows(throwaways) == []
} finally {
    s.close()
}
true
