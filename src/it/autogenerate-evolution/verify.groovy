import dev.migrations.it.HibernateExport
import dev.migrations.it.ItDatabase
import dev.migrations.it.Scenario

// Autogenerate across a model change. v1 of the model is in src/main/java; model-v2 holds the
// files that change in v2 (copied over src/main/java here; Wishlist.java is deleted). Each
// generated revision must build exactly the schema Hibernate's own schema tooling builds for
// that version of the model (the oracle, in a fresh database each time), and the v2 revision's
// downgrade must give back exactly the v1 schema.
//
// v1 -> v2 changes:
//   coupon            new entity: table, sequence coupon_seq, unique code, named check, foreign key to customer
//   wishlist          entity dropped: table, its sequence wishlist_seq and its foreign key go
//   customer.phone    column added
//   customer.fax      column dropped
//   customer.name     varchar(50) -> varchar(200)
//   customer.tier     nullable -> not null (it has a default, 'standard')
//   customer.last_name not null -> nullable
//   customer.loyalty_points  not-null column with a default added (columnDefinition)
//   ix_customer_city  index dropped
//   uk_customer_email unique constraint added
//   customer          table comment added
//   product.price     numeric(10,2) -> numeric(12,2)
//   product.stock     integer -> bigint
//   ix_product_name   index added
//   product.category_id  new many-to-one: column and foreign key added
//   ck_product_price_positive  check added to an existing table
//   product.sku       column comment added
//   product_image     new collection table (element collection) with a foreign key
//   order.referrer_id many-to-one removed: foreign key and column dropped
//   order.status      enum constant added: Hibernate's check constraint on the column changes
//   category.name     unique=true removed: unique constraint dropped

def s = Scenario.start(basedir, localRepositoryPath)
def migrations = new File(basedir, 'src/main/migrations')
def model = new File(basedir, 'src/main/java/com/example/shop/model')
// Hibernate's own schema for the model now in src/main/java, in a fresh database
def oracleSchema = { String version ->
    def oracle = s.freshDatabase('oracle')
    def classes = HibernateExport.compile(new File(basedir, 'src/main/java'), new File(basedir, "target/oracle/${version}/classes"))
    HibernateExport.createSchema(classes, 'com.example.shop.model', oracle.settings().url(), oracle.settings().username(),
        new File(basedir, "target/oracle/${version}/create.sql"))
    [tables: oracle.tables(), snapshot: oracle.snapshot(), comments: oracle.columnComments()]
}

try {
    assert s.db().tables() == []
    assert s.migrationSources() == []

    // v1: the first revision creates the model
    def v1 = s.writtenRevision([], s.mvn('migrations:revision', '-Dmessage=v1').succeeds(), 'v1')
    assert v1.file.text.contains('op.createTable')
    s.mvn('migrations:upgrade').succeeds().contains("Database is at ${v1.id} (head); 1 revision applied")
    def atV1 = s.db().snapshot()
    def commentsAtV1 = s.db().columnComments()
    def oracleV1 = oracleSchema('v1')
    assert oracleV1.tables == ['category', 'customer', 'order', 'product', 'review', 'wishlist']
    ItDatabase.requireSameCatalog('v1 against Hibernate\'s schema (target/oracle/v1/create.sql)', atV1, oracleV1.snapshot)
    ItDatabase.requireSameCatalog('v1 column comments', commentsAtV1, oracleV1.comments)
    s.mvn('migrations:check').succeeds()

    // data the v2 changes must carry along: tier and loyalty_points get their defaults
    s.db().execute("INSERT INTO customer (email, name, last_name, city) VALUES ('ada@example.com', 'Ada', 'Lovelace', 'London')")
    s.db().execute("INSERT INTO product (id, sku, name, price, stock) VALUES (nextval('product_seq'), 'PEN-1', 'Pen', 1.50, 3)")
    s.db().execute("INSERT INTO \"order\" (id, customer_id, referrer_id, status, placed_at, total)"
        + " SELECT nextval('order_seq'), id, id, 'NEW', now(), 1.50 FROM customer")

    // v2: swap the changed model in
    assert new File(model, 'Wishlist.java').delete()
    new File(basedir, 'model-v2/com/example/shop/model').eachFile { new File(model, it.name).text = it.text }
    // the model differs from the schema at head, and it says how
    s.mvn('migrations:check').failsCleanly('The entity model differs from the schema at head').contains('wishlist')
        .contains('alter column name of customer: type varchar(50) -> varchar(200)')
        .contains('alter column last_name of customer: drop not null')
    // a table (and its sequence) left alone by configuration is neither dropped nor created
    s.mvn('migrations:check', '-Dmigrations.excludeObjects=wish*')
        .failsCleanly('The entity model differs from the schema at head').doesNotContain('wishlist')

    def beforeV2 = s.migrationSources()
    def v2 = s.writtenRevision(beforeV2, s.mvn('migrations:revision', '-Dmessage=v2').succeeds(), 'v2')
    def code = v2.file.text
    assert code.contains(v1.id): 'v2 follows v1'
    assert code.contains('dropColumn'): 'customer.fax and order.referrer_id are dropped'
    assert code.contains('dropTable'): 'wishlist is dropped'
    s.mvn('migrations:upgrade').succeeds().contains("Database is at ${v2.id} (head); 1 revision applied")
    def atV2 = s.db().snapshot()
    def oracleV2 = oracleSchema('v2')
    assert oracleV2.tables == ['category', 'coupon', 'customer', 'order', 'product', 'product_image', 'review']
    ItDatabase.requireSameCatalog('v2 against Hibernate\'s schema (target/oracle/v2/create.sql)', atV2, oracleV2.snapshot)
    ItDatabase.requireSameCatalog('v2 column comments', s.db().columnComments(), oracleV2.comments)
    assert s.db().rows('SELECT email, name, last_name, tier, loyalty_points, phone FROM customer') ==
        ['ada@example.com|Ada|Lovelace|standard|0|null']
    assert s.db().rows('SELECT sku, price, stock FROM product') == ['PEN-1|1.50|3']
    assert s.db().rows('SELECT status, total FROM "order"') == ['NEW|1.50']
    s.mvn('migrations:check').succeeds()
    s.mvn('migrations:revision', '-Dmessage=again').succeeds().contains('No changes detected')
    assert s.migrationSources() == (beforeV2 + [v2.file]).sort()

    // downgrade -1: exactly the v1 schema again, data kept where the columns are kept
    s.mvn('migrations:downgrade', '-Dtarget=-1').succeeds().contains("Database is at ${v1.id}")
    assert s.db().versionHeads() == [v1.id]
    ItDatabase.requireSameCatalog('after downgrade -1, against v1', s.db().snapshot(), atV1)
    ItDatabase.requireSameCatalog('column comments after downgrade -1', s.db().columnComments(), commentsAtV1)
    assert s.db().rows('SELECT email, name, last_name, tier, fax FROM customer') == ['ada@example.com|Ada|Lovelace|standard|null']
    assert s.db().rows('SELECT sku, price, stock FROM product') == ['PEN-1|1.50|3']

    // a revision needs the database at head: it fails, says to upgrade, writes nothing, changes nothing
    def sourcesBehind = s.migrationSources()
    s.mvn('migrations:revision', '-Dmessage=x').failsCleanly('upgrade')
    assert s.migrationSources() == sourcesBehind
    ItDatabase.requireSameCatalog('after the refused revision', s.db().snapshot(), atV1)
    s.mvn('migrations:check').fails()  // v2 is pending

    s.mvn('migrations:upgrade').succeeds().contains("Database is at ${v2.id} (head)")
    ItDatabase.requireSameCatalog('v2 again', s.db().snapshot(), atV2)
    s.mvn('migrations:check').succeeds()
} finally {
    s.close()
}
true
