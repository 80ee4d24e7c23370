// 'mvn migrations:help -Ddetail' printed every goal with its parameters. Each goal must list
// exactly what it reads: no url or lockTimeout under heads and merge, no message under current.

def lines = new File(basedir, 'build.log').readLines()

// "migrations:<goal>" at the start of a line opens a goal's section; its parameters are the
// lines indented by four spaces ("    url", "    lockTimeout (Default: 300)")
def listed = [:]
String goal = null
lines.each { line ->
    def header = line =~ /^migrations:([a-z]+)$/
    if (header) {
        goal = header[0][1]
        listed[goal] = []
    } else if (goal != null) {
        def parameter = line =~ /^    ([a-zA-Z]+)( \(Default: .*\))?$/
        if (parameter) {
            listed[goal] << parameter[0][1]
        }
    }
}

def every = ['migrationsDirectory', 'migrationsPackage', 'skip']
def connection = ['url', 'username', 'password', 'serverId', 'schema', 'versionTable']
def entityModel = ['entityPackages', 'excludeObjects', 'persistenceUnit', 'hibernateProperties', 'devDatabase']
def run = ['lockTimeout', 'acceptChanged', 'singleTransaction', 'verbose']
def expected = [
    heads    : every + ['verbose'],
    merge    : every + ['message', 'revisions', 'revisionId'],
    current  : every + connection + ['verbose', 'acceptChanged'],
    history  : every + connection + ['verbose', 'range', 'limit'],
    status   : every + connection + ['limit'],
    compile  : every + ['outputDirectory'],
    stamp    : every + connection + ['lockTimeout', 'revision', 'purge'],
    upgrade  : every + connection + run + ['target', 'sql'],
    downgrade: every + connection + run + ['target', 'sql'],
    revision : every + connection + entityModel + ['verbose', 'message', 'autogenerate', 'head', 'revisionId', 'commit'],
    check    : every + connection + entityModel + ['verbose', 'acceptChanged'],
    verify   : every + connection + entityModel + ['verbose'],
]
expected.each { name, parameters ->
    assert listed.containsKey(name): "no section for migrations:${name} in the help:\n" + lines.join('\n')
    assert listed[name].sort() == parameters.sort(): "migrations:${name} lists ${listed[name].sort()}"
}
// the examples of the issue, spelled out
assert !listed['current'].contains('message') && listed['revision'].contains('message')
assert !listed['heads'].contains('url') && !listed['merge'].contains('lockTimeout')
true
