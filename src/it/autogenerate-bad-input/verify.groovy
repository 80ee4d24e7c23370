import dev.migrations.it.HibernateExport
import dev.migrations.it.Scenario
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream

// Autogenerate on bad input: each case fails with one clear line, writes no file and leaves the
// database as it was (here: empty, not even a version table).

def s = Scenario.start(basedir, localRepositoryPath)
def migrations = new File(basedir, 'src/main/migrations')
def failures = []
try {
    def state = { -> s.db().rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'") }
    def before = state()
    def check = { String fragment, List<String> args ->
        try {
            s.mvn(args as String[]).failsCleanly(fragment)
            assert state() == before: "mvn ${args.join(' ')} changed the database"
            assert !migrations.exists() || migrations.listFiles().every { it.isDirectory() && it.list().length == 0 }:
                "mvn ${args.join(' ')} wrote a file"
        } catch (AssertionError e) {
            failures << ('CASE mvn ' + args.join(' ') + '\n' + e.message)
        }
    }
    check('No entities configured: set migrations.entityPackages', ['migrations:revision', '-Dmessage=x', '-Dautogenerate=true'])
    check('No @Entity classes found in com.example.nothing',
        ['migrations:revision', '-Dmessage=x', '-Dmigrations.entityPackages=com.example.nothing'])
    check('Hibernate cannot build the entity model',
        ['migrations:revision', '-Dmessage=x', '-Dmigrations.entityPackages=com.example.badmapping'])
    check('Hibernate cannot build the entity model', ['migrations:check', '-Dmigrations.entityPackages=com.example.badmapping'])
    check("PostgreSQL refuses Hibernate's DDL for the entity model",
        ['migrations:revision', '-Dmessage=x', '-Dmigrations.entityPackages=com.example.badddl'])
    // a published model whose entity's field type is in a library the project did not add: the
    // model's jar holds com.example.published only, installed as it:gadget-model
    def modelClasses = HibernateExport.compile(new File(basedir, 'published-model'), new File(basedir, 'target/published-model'))
    def modelJar = new File(basedir, 'target/gadget-model-1.0.jar')
    modelJar.withOutputStream { out ->
        new JarOutputStream(out).withCloseable { jar ->
            def entity = 'com/example/published/Gadget.class'
            jar.putNextEntry(new JarEntry(entity))
            jar.write(new File(modelClasses, entity).bytes)
            jar.closeEntry()
        }
    }
    s.mvn('install:install-file', "-Dfile=${modelJar}".toString(), '-DgroupId=it.published', '-DartifactId=gadget-model',
        '-Dversion=1.0', '-Dpackaging=jar').succeeds()
    def missing = "The entity com.example.published.Gadget (field price) uses com.example.money.Money, which is not on the project's class path"
    check(missing, ['migrations:revision', '-Dmessage=x', '-Ppublished-model', '-Dmigrations.entityPackages=com.example.published'])
    check(missing, ['migrations:check', '-Ppublished-model', '-Dmigrations.entityPackages=com.example.published'])
    // last: from here on the project has a persistence.xml, whose one unit maps nothing
    def unit = new File(basedir, 'src/main/resources/META-INF/persistence.xml')
    unit.parentFile.mkdirs()
    unit.text = '''<persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
  <persistence-unit name="empty">
    <exclude-unlisted-classes>true</exclude-unlisted-classes>
  </persistence-unit>
</persistence>
'''
    check('The persistence unit empty in META-INF/persistence.xml maps no entity', ['migrations:revision', '-Dmessage=x'])
    assert failures.isEmpty(): "${failures.size()} case(s) misbehaved:\n\n" + failures.join('\n\n')
} finally {
    s.close()
}
true
