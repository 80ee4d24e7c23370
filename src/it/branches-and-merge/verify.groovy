import dev.migrations.it.Scenario

def base = 'ba5e00000000'
def a = 'aaaa11111111'
def b1 = 'b1b1b1b1b1b1'
def b2 = 'b2b2b2b2b2b2'
def migrations = new File(basedir, 'src/main/migrations/db/migrations')
def sources = { migrations.list().findAll { it.endsWith('.java') }.sort() }
def allTables = { db -> db.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1") }
def versionState = { db -> db.rows('SELECT * FROM migrations_version ORDER BY 1') + db.rows('SELECT * FROM migrations_version_log ORDER BY 1') }

def s = Scenario.start(basedir, localRepositoryPath)
try {
    def originalSources = sources()
    assert originalSources.size() == 4

    // two heads, both after a
    s.mvn('migrations:heads').succeeds()
        .contains("${a} -> ${b1} (head), add customer phone")
        .contains("${a} -> ${b2} (head), create product tag")
        .doesNotContain("-> ${a} (head)")

    // upgrade to head is ambiguous: it fails, names both heads, and touches nothing
    def empty = allTables(s.db())
    s.mvn('migrations:upgrade').failsCleanly("Several heads: ${b1}, ${b2}")
    assert allTables(s.db()) == empty

    // the same with part of history applied
    s.mvn('migrations:upgrade', "-Dtarget=${a}").succeeds()
        .matches(/applied\s+${base}\s+create customer/)
        .matches(/applied\s+${a}\s+create product/)
    assert s.db().versionHeads() == [a]
    // status at a: two revisions behind on two branches, each line marked and in history's shape
    def status = s.mvn('migrations:status').succeeds()
    def marked = status.infoLines().findAll { it.startsWith('[X] ') || it.startsWith('[ ] ') }
    assert marked.size() == 4: status.output
    assert marked.findAll { it.startsWith('[ ] ') }.collect { it.substring(4) }.sort() ==
        ["${a} -> ${b1} (head), add customer phone", "${a} -> ${b2} (head), create product tag"].collect { it.toString() }
    assert marked.contains("[X] ${base} -> ${a} (branchpoint) (current), create product".toString()): status.output
    assert marked.contains("[X] <base> -> ${base}, create customer".toString()): status.output
    status.contains("Not up to date: 2 revisions pending: ")
    // the newest one only, with how many are left out; history the same
    def limited = s.mvn('migrations:status', '-Dlimit=1').succeeds()
    assert limited.infoLines().count { it.startsWith('[X] ') || it.startsWith('[ ] ') } == 1
    limited.contains('... 3 older revisions not shown')
    def newestTwo = s.mvn('migrations:history', '-Dlimit=2').succeeds()
    assert newestTwo.infoLines().count { it.contains(' -> ') } == 2
    newestTwo.contains('... 2 older revisions not shown')
    s.mvn('migrations:status', '-Dlimit=x').failsCleanly("limit 'x' is not a number; give how many of the newest")
    def atA = s.db().snapshot()
    def versionAtA = versionState(s.db())
    s.mvn('migrations:upgrade').failsCleanly("Several heads: ${b1}, ${b2}")
    assert s.db().snapshot() == atA
    assert versionState(s.db()) == versionAtA

    // a new revision must say which head it follows
    s.mvn('migrations:revision', '-Dmessage=x', '-Dautogenerate=false')
        .failsCleanly("There are several heads (${b1}, ${b2}); say which one the new revision follows with -Dhead=<id>")
    assert sources() == originalSources

    // upgrade one branch only
    def toB1 = s.mvn('migrations:upgrade', "-Dtarget=${b1}").succeeds()
        .matches(/applied\s+${b1}\s+add customer phone/)
        .contains("Database is at ${b1} (head); 1 revision applied")
    assert !(toB1.output =~ /applied\s+${b2}/)
    assert s.db().versionHeads() == [b1]
    assert s.db().tables() == ['customer', 'product']
    assert s.db().rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'customer' ORDER BY 1") ==
        ['email', 'id', 'phone']
    s.mvn('migrations:current').succeeds().contains("${b1} (head), add customer phone")
        .contains("1 revision pending (${b2} ".toString())
        .contains('); run mvn migrations:upgrade -Dtarget=heads (history has 2 heads; or merge them first)')

    // merge the two heads
    def merged = s.mvn('migrations:merge', '-Dmessage=merge branches').succeeds()
        .matches(/Generated merge revision .*\.java \(revision [0-9a-f]{12}, merging ${b1}, ${b2}\)/)
    def m = (merged.output =~ /Generated merge revision .* \(revision ([0-9a-f]{12}),/)[0][1]
    def added = sources() - originalSources
    assert added.size() == 1
    assert added[0] ==~ /R\d{8}_\d{4}_${m}_merge_branches\.java/
    def mergeSource = new File(migrations, added[0]).text
    assert mergeSource =~ /(?s)@Revision\(.*id\s*=\s*"${m}".*parents\s*=\s*\{\s*"${b1}"\s*,\s*"${b2}"\s*\}/ : mergeSource
    assert mergeSource =~ /message\s*=\s*"merge branches"/

    s.mvn('migrations:heads').succeeds()
        .contains("${b1}, ${b2} -> ${m} (head) (mergepoint), merge branches")
        .doesNotContain("${b1} (head)")
        .doesNotContain("${b2} (head)")

    // upgrade to the single head now applies the other branch and the merge, nothing else
    def toHead = s.mvn('migrations:upgrade').succeeds()
        .contains('2 revisions to apply')
        .matches(/applied\s+${b2}\s+create product tag/)
        .matches(/applied\s+${m}\s+merge branches/)
        .contains("Database is at ${m} (head); 2 revisions applied")
    [base, a, b1].each { assert !(toHead.output =~ /applied\s+${it}/) }
    assert toHead.output.indexOf("applied  ${b2}") < toHead.output.indexOf("applied  ${m}")
    assert s.db().versionHeads() == [m]
    assert s.db().tables() == ['customer', 'product', 'product_tag']
    assert s.db().upgradeCounts() == [a, b1, b2, base, m].sort().collect { "${it}|1".toString() }

    def history = s.mvn('migrations:history').succeeds()
        .contains("${b1}, ${b2} -> ${m} (head) (mergepoint) (current), merge branches")
        .contains("${a} -> ${b2}, create product tag")
        .contains("${a} -> ${b1}, add customer phone")
        .contains("${base} -> ${a} (branchpoint), create product")
        .contains("<base> -> ${base}, create customer")
    // newest first: the merge before its parents, a before base
    def order = [m, b1, a, base].collect { history.output.indexOf("-> ${it}") }
    assert order == order.sort(false) : history.output
    assert history.output.count('(current)') == 1
    assert history.output.count('(head)') == 1

    // a revision after a (not a head) starts a new branch, and says so
    def branched = s.mvn('migrations:revision', '-Dmessage=x', '-Dautogenerate=false', "-Dhead=${a}").succeeds()
        .contains("[WARNING] Revision ${a} is not a head: the new revision starts a branch. Merge the branches (migrations:merge) before upgrading to head.")
        .matches(/Generated .*\.java \(revision [0-9a-f]{12}\)/)
    def x = (branched.output =~ /Generated .* \(revision ([0-9a-f]{12})\)/)[0][1]
    def xFile = (sources() - originalSources - added)
    assert xFile.size() == 1 && xFile[0] ==~ /R\d{8}_\d{4}_${x}_x\.java/
    assert new File(migrations, xFile[0]).text =~ /parents\s*=\s*"${a}"/
    s.mvn('migrations:heads').succeeds()
        .contains("${a} -> ${x} (head), x")
        .contains("${b1}, ${b2} -> ${m} (head) (mergepoint), merge branches")
    def heads = [m, x].sort()
    s.mvn('migrations:upgrade').failsCleanly("Several heads: ${heads[0]}, ${heads[1]}")
    assert s.db().versionHeads() == [m]

    // a revision after the current head does not warn
    s.mvn('migrations:revision', '-Dmessage=y', '-Dautogenerate=false', "-Dhead=${m}").succeeds()
        .doesNotContain('is not a head')
} finally {
    s.close()
}
true
