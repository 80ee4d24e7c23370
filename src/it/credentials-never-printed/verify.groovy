import dev.migrations.it.Scenario

// Every goal at -X (Maven's debug output lists each plugin parameter with its value) with a
// marker password given three ways; the marker must appear in no output and in no file.
// The scenario database trusts local connections, so any password is let in.

def marker = ['Mk7', 'never', 'printed', '4711'].join('-')    // not written whole in this file
def s = Scenario.start(basedir, localRepositoryPath)
try {
    def withPasswordParameter = ['-X', "-Dmigrations.password=${marker}".toString()]
    def withPasswordInUrl = ['-X', "-Dmigrations.url=${s.url()}${s.url().contains('?') ? '&' : '?'}password=${marker}".toString()]
    def withServer = ['-X', '-Dmigrations.serverId=shop-db', '-s', new File(basedir, 'settings-with-server.xml').path,
                      "-Dsettings.security=${new File(basedir, 'settings-security.xml').path}".toString()]
    def runs = [
        s.mvn(*(withPasswordParameter + ['migrations:upgrade'])).succeeds().matches(/applied\s+c0c0c0c0c0c0/),
        s.mvn(*(withPasswordInUrl + ['migrations:current'])).succeeds().contains('c0c0c0c0c0c0 (head), create account'),
        s.mvn(*(withServer + ['migrations:history'])).succeeds().contains('create account'),
        s.mvn(*(withServer + ['migrations:downgrade', '-Dtarget=base'])).succeeds().contains('1 revision undone'),
        s.mvn(*(withPasswordInUrl + ['migrations:stamp', '-Drevision=head'])).succeeds().contains('Stamped'),
        s.mvn(*(withPasswordParameter + ['migrations:check'])).succeeds(),
        s.mvn(*(withPasswordParameter + ['migrations:revision', '-Dmessage=add note', '-Dautogenerate=false'])).succeeds(),
        // failures print their message and, at -X, the stack trace: neither may carry it
        s.mvn('-X', "-Dmigrations.url=jdbc:postgresql://127.0.0.1:1/shop?user=me&password=${marker}".toString(),
              'migrations:upgrade').fails().contains('Cannot connect to jdbc:postgresql://127.0.0.1:1/shop?user=me&password=****'),
    ]
    // the -X output did show the parameters, or this test tested nothing
    assert runs[0].output.contains('(f) password = <password>${migrations.password}</password>')
    assert runs[1].output.contains('(f) url = <url>${migrations.url}</url>')
    assert runs[2].output.contains('(f) serverId = shop-db')
    runs.each { run ->
        assert !run.output.contains(marker): "mvn ${run.arguments()} printed the password"
    }
    def leaks = []
    basedir.eachFileRecurse { file ->
        if (file.isFile() && file.name != 'verify.groovy') {
            if (new String(file.bytes, 'ISO-8859-1').contains(marker)) {
                leaks << file
            }
        }
    }
    assert leaks.isEmpty(): "the password is in ${leaks}"
    def written = new File(basedir, 'src/main/migrations/db/migrations').list().findAll { it.contains('add_note') }
    assert written.size() == 1
} finally {
    s.close()
}
true
