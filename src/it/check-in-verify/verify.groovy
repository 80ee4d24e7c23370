import dev.migrations.it.Scenario

// check bound to verify, the CI gate: it compares the classes the build itself compiled, and
// does not run the lifecycle a second time (no fork up to process-classes after package, no
// "Overwriting artifact's file" from the compiler). From the command line on a fresh clone,
// revision and check still compile the project first. No url: the embedded database's
// throwaway copy upgraded to head is the schema compared with.

def s = Scenario.start(basedir, localRepositoryPath)
try {
    def count = { result, String regex -> result.output().readLines().count { it ==~ regex } }
    def compiles = /\[INFO\] --- .*:compile \(default-compile\) @ check-in-verify ---/
    def fork = /\[INFO\] >>> .*migrations.* > process-classes @ check-in-verify >>>/

    // a fresh clone: revision runs the lifecycle up to process-classes itself, then writes the baseline
    assert !new File(basedir, 'target/classes').exists()
    def revision = s.mvnOwnDatabase([:], 'migrations:revision', '-Dmessage=create customer').succeeds()
    assert count(revision, fork) == 1 && count(revision, compiles) == 1: revision.output()
    def baseline = s.migrationSources()
    assert baseline.size() == 1 && baseline[0].text.contains('op.createTable("customer"')

    // the build with the gate: one pass, and the model it checks is the one it compiled
    def passing = s.mvnOwnDatabase([:], 'verify').succeeds()
        .contains('The entity model matches the schema at head (1 entities')
        .doesNotContain("Overwriting artifact's file")
    assert count(passing, compiles) == 1: 'compiled more than once:\n' + passing.output()
    assert count(passing, fork) == 0 && !passing.output().contains('>>>'): 'the lifecycle was forked:\n' + passing.output()
    def lines = passing.output().readLines()
    assert lines.findIndexOf { it.contains(':jar (default-jar) @ check-in-verify') } <
        lines.findIndexOf { it ==~ /\[INFO\] --- .*:check \(schema-gate\) @ check-in-verify ---/ }

    // bound before the compiler runs, it would read no classes, or the last build's: it refuses
    s.mvnOwnDatabase([:], '-Ptoo-early', 'verify')
        .failsCleanly("migrations:check is bound to the process-resources phase, before the project's classes are compiled")
        .contains('bind it to process-classes or a later phase')
        .doesNotContain('The entity model')

    // an entity changes and no revision is written: the same build fails, naming the difference
    def entity = new File(basedir, 'src/main/java/it/gate/Customer.java')
    entity.text = entity.text.replace('    String name;\n', '    String name;\n\n    String phone;\n')
    def failing = s.mvnOwnDatabase([:], 'verify')
        .failsCleanly('The entity model differs from the schema at head in 1 way(s)')
        .contains('[ERROR]   add column phone to customer')
        .doesNotContain("Overwriting artifact's file")
    assert count(failing, compiles) == 1 && count(failing, fork) == 0: failing.output()

    // from the command line with no classes (as after a clean; target/ also holds the scenario's
    // database), check compiles first and finds the same difference
    assert new File(basedir, 'target/classes').deleteDir()
    def commandLine = s.mvnOwnDatabase([:], 'migrations:check')
        .failsCleanly('The entity model differs from the schema at head in 1 way(s)')
        .contains('[ERROR]   add column phone to customer')
    assert count(commandLine, fork) == 1 && count(commandLine, compiles) == 1: commandLine.output()
    assert s.migrationSources() == baseline
} finally {
    s.close()
}
true
