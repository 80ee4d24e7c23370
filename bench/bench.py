#!/usr/bin/env python3
"""The benchmark of migrations-maven-plugin: generates the workloads (workloads.py), runs
them against PostgreSQL with psql, our plugin, Flyway and liquibase-hibernate, checks every
resulting schema,
and prints one table of medians (also written to bench/target/results.md).

Run it through bench/run, which first builds and installs the plugin; see bench/README.md.
"""

import argparse
import datetime
import difflib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile

import workloads

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TARGET = os.path.join(HERE, "target")
WORK = os.path.join(TARGET, "work")
LOGS = os.path.join(TARGET, "logs")

ENGINE_TIME = re.compile(r"Engine time: (\d+) ms(.*)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class CheckFailed(Exception):
    """A command failed or a schema is not what the workload must produce."""


class NotAvailable(Exception):
    """A measurement that cannot be taken here (a feature missing, a server limit): n/a."""


# ---------------------------------------------------------------------------------------------
# configuration

def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="2 runs, smallest sizes only (development)")
    p.add_argument("--runs", type=int, help="runs per measurement (default 5; --quick: 2)")
    p.add_argument("--revisions", help="revision counts N, comma-separated (default 100,500,2000)")
    p.add_argument("--entities", help="entity counts M, comma-separated (default 50,200,800)")
    p.add_argument("--no-published", action="store_true",
                   help="skip the published model (Keycloak's entities, with its M=200 reference)")
    a = p.parse_args()
    a.runs = a.runs or (2 if a.quick else 5)
    if a.revisions is None:
        a.revisions = "100" if a.quick else "100,500,2000"
    if a.entities is None:
        a.entities = "50" if a.quick else "50,200,800"
    a.revisions = [int(x) for x in a.revisions.split(",") if x]   # "" skips the revision workloads
    a.entities = [int(x) for x in a.entities.split(",") if x]
    a.mode = "quick" if a.quick else "full"
    return a


class Env:
    host = os.environ.get("BENCH_PG_HOST", "127.0.0.1")
    port = os.environ.get("BENCH_PG_PORT", "5432")
    user = os.environ.get("BENCH_PG_USER", "postgres")
    password = os.environ.get("BENCH_PG_PASSWORD", "")
    database = os.environ.get("BENCH_DB", "migrations_bench")
    mvn = os.environ.get("MVN", "mvn")
    plugin_version = os.environ.get("BENCH_PLUGIN_VERSION", "0.1.0-bench-SNAPSHOT")
    maven_repo = os.environ.get("BENCH_MAVEN_REPO", os.path.expanduser("~/.m2/repository"))

    @classmethod
    def jdbc_url(cls):
        return f"jdbc:postgresql://{cls.host}:{cls.port}/{cls.database}"


# ---------------------------------------------------------------------------------------------
# running commands

def run(cmd, cwd, log, env=None, check=True):
    """Runs cmd, returns (wall seconds, output, exit code); the output goes to LOGS/<log>.log."""
    full_env = dict(os.environ, **(env or {}))
    if Env.password:
        full_env["PGPASSWORD"] = Env.password
    start = time.monotonic()
    p = subprocess.run(cmd, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.monotonic() - start
    output = ANSI.sub("", p.stdout)
    path = os.path.join(LOGS, log + ".log")
    shown = " ".join(cmd).replace(Env.password, "*****") if Env.password else " ".join(cmd)
    with open(path, "w") as f:
        f.write(f"$ (cd {cwd} && {shown})\n# exit {p.returncode}, {seconds:.3f} s\n{output}")
    if check and p.returncode != 0:
        raise CheckFailed(f"'{' '.join(cmd[:4])} ...' failed (exit {p.returncode}): {first_error(output)} [log: {path}]")
    return seconds, output, p.returncode


def first_error(output):
    for line in output.splitlines():
        if line.startswith("[ERROR]") or "ERROR:" in line or "FATAL:" in line:
            return line.strip()[:300]
    lines = [l for l in output.splitlines() if l.strip()]
    return lines[-1][:300] if lines else "(no output)"


def psql(*args, database=None):
    return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", Env.host, "-p", Env.port, "-U", Env.user,
            "-d", database or Env.database, *args]


def mvn(*args, quiet=True, offline=True):
    return [Env.mvn, "-B"] + (["-o"] if offline else []) + (["-q"] if quiet else []) + list(args)


def ours(goal, *args, quiet=True, offline=True):
    connection = [f"-Dmigrations.url={Env.jdbc_url()}", f"-Dmigrations.username={Env.user}"]
    if Env.password:
        connection.append(f"-Dmigrations.password={Env.password}")
    return mvn(f"migrations:{goal}", *connection, *args, quiet=quiet, offline=offline)


def flyway(goal, offline=True):
    connection = [f"-Dflyway.url={Env.jdbc_url()}", f"-Dflyway.user={Env.user}"]
    if Env.password:
        connection.append(f"-Dflyway.password={Env.password}")
    return mvn(f"flyway:{goal}", *connection, offline=offline)


# Flyway otherwise reports feature usage to Redgate over the network during the run.
FLYWAY_ENV = {"REDGATE_DISABLE_TELEMETRY": "true"}


def liquibase_diff(offline=True):
    # Liquibase otherwise fetches its analytics settings over the network and reports usage.
    connection = [f"-Dliquibase.url={Env.jdbc_url()}", f"-Dliquibase.username={Env.user}",
                  "-Dliquibase.analytics.enabled=false"]
    if Env.password:
        connection.append(f"-Dliquibase.password={Env.password}")
    return mvn("liquibase:diff", *connection, offline=offline)

# Maven's JVM limited to the quick JIT (C1), as docs/performance.md suggests for short goals
# in .mvn/jvm.config: the same runs, to show what that setting is worth.
QUICK_JIT_ENV = {"MAVEN_OPTS": (os.environ.get("MAVEN_OPTS", "") + " -XX:TieredStopAtLevel=1").strip()}


class ClassArchive:
    """Maven's JVM with the quick JIT and its classes mapped from a CDS archive of the workload's
    own project (docs/performance.md, the .mvn/jvm.config it suggests): the archive is written at
    the exit of one warm-up run of the goal and checked, then every measured run maps it."""

    def __init__(self, folder, name="maven.jsa"):
        self.path = os.path.join(folder, name)
        self.usable = None  # why not, when it cannot be made or mapped

    def env(self):
        if self.usable is not True:
            raise NotAvailable(self.usable or "no class archive was written")
        return self._env(f"-XX:SharedArchiveFile={self.path}")

    @staticmethod
    def _env(flag):
        # the JVM lists every class it leaves out of the archive at the warning level
        return {"MAVEN_OPTS": f"{QUICK_JIT_ENV['MAVEN_OPTS']} {flag} -Xlog:cds=off,cds+dynamic=off"}

    def write(self, command, project, log_name):
        """Runs the command once with the archive written at its exit, then checks that it maps
        (-Xshare:on refuses to start otherwise, so that no measured run quietly goes without it).
        A JVM that cannot do either makes these rows n/a, not the others."""
        _, output, rc = run(command, project, f"{log_name}-dump", check=False,
                            env=self._env(f"-XX:ArchiveClassesAtExit={self.path}"))
        if rc != 0 or not os.path.exists(self.path):
            self.usable = f"the run that writes the class archive fails or writes none: {first_error(output)}"
            return
        _, output, rc = run(mvn("validate"), project, f"{log_name}-check", check=False,
                            env=self._env(f"-XX:SharedArchiveFile={self.path} -Xshare:on"))
        self.usable = True if rc == 0 else f"the JVM cannot map the class archive: {first_error(output)}"


# ---------------------------------------------------------------------------------------------
# the database

class Db:
    @staticmethod
    def fresh():
        run(psql("-c", f'DROP DATABASE IF EXISTS "{Env.database}" WITH (FORCE)',
                 "-c", f'CREATE DATABASE "{Env.database}"', database="postgres"), HERE, "createdb")
        # The checkpoint writes out what the previous step left in shared buffers (thousands of
        # new tables' pages and files): otherwise the next step pays for it, whichever tool that is,
        # and the step run second in a pair ran ~10% slower than the same step run first. Only a
        # superuser (or pg_checkpoint) may: for anyone else the benchmark runs without it.
        run(psql("-c", "CHECKPOINT", database="postgres"), HERE, "checkpoint", check=False)

    @staticmethod
    def drop():
        run(psql("-c", f'DROP DATABASE IF EXISTS "{Env.database}" WITH (FORCE)', database="postgres"),
            HERE, "dropdb", check=False)

    @staticmethod
    def query(sql, database=None):
        return run(psql("-A", "-t", "-c", sql, database=database), HERE, "query")[1].strip()

    @staticmethod
    def counts(table_pattern):
        """(tables named like the pattern, foreign keys) in schema public."""
        row = Db.query("SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                       f" AND tablename ~ '{table_pattern}'),"
                       " (SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                       " AND connamespace = 'public'::regnamespace)")
        tables, fks = row.split("|")
        return int(tables), int(fks)

    @staticmethod
    def dump(exclude=()):
        cmd = ["pg_dump", "-s", "-O", "-x", "-h", Env.host, "-p", Env.port, "-U", Env.user]
        for table in exclude:
            cmd += ["-T", table]
        output = run(cmd + [Env.database], HERE, "pg_dump")[1]
        # \restrict lines carry a random key per dump
        return "\n".join(l for l in output.splitlines() if not l.startswith(("\\restrict", "\\unrestrict")))


def expect_schema(what, pattern, tables, fks):
    found = Db.counts(pattern)
    if found != (tables, fks):
        raise CheckFailed(f"{what}: expected {tables} tables and {fks} foreign keys, found {found[0]} and {found[1]}")


def same_dump(what, expected, actual):
    if expected != actual:
        diff = "\n".join(list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), lineterm=""))[:40])
        raise CheckFailed(f"{what}: the schema differs from the psql floor's:\n{diff}")


VERSION_TABLES = ("migrations_version", "migrations_version_log")


# ---------------------------------------------------------------------------------------------
# results

class Results:
    def __init__(self):
        self.rows = []          # (group, size, workload) in first-seen order
        self.samples = {}       # row -> [seconds]
        self.run_of = {}        # row -> [the run each sample came from]
        self.status = {}        # row -> "n/a" | "FAIL"
        self.notes = []
        self.failures = []
        self.engine_detail = {}  # row -> the breakdown after 'Engine time: n ms'
        self.not_available = {}  # (workload, reason) -> sizes

    def row(self, group, size, workload):
        key = (group, size, workload)
        if key not in self.samples:
            self.rows.append(key)
            self.samples[key] = []
            self.run_of[key] = []
        return key

    def add(self, key, seconds, run):
        self.samples[key].append(seconds)
        self.run_of[key].append(run)

    def paired_ratio(self, key, reference):
        """Median over the runs both rows have of this row's time / the reference's time in the
        same run: the runs are interleaved, so a pair ran minutes apart at most, and a drift of
        the machine over the whole benchmark (seen here: the floor's own time moving by 30%)
        cancels out of each ratio. The disk also drifts within a run, so each revision target's
        reference is a floor measured right before its row (floor_before)."""
        own = dict(zip(self.run_of.get(key, []), self.samples.get(key, [])))
        ref = dict(zip(self.run_of.get(reference, []), self.samples.get(reference, [])))
        ratios = [own[run] / ref[run] for run in own if run in ref and ref[run] > 0]
        return statistics.median(ratios) if ratios else None

    def na(self, key, reason):
        if key not in self.status:
            self.status[key] = "n/a"
            self.not_available.setdefault((key[2], reason), []).append(f"{key[0]}={key[1]}")

    def na_notes(self):
        return [f"{workload} is n/a at {', '.join(sizes)}: {reason}"
                for (workload, reason), sizes in self.not_available.items()]

    def fail(self, key, reason):
        self.status[key] = "FAIL"
        self.failures.append(f"{key[0]}={key[1]} {key[2]}: {reason}")
        print(f"\n!!! FAIL {key[0]}={key[1]} {key[2]}: {reason}\n", file=sys.stderr, flush=True)


R = Results()


class Steps:
    """One size's measurements: a step that fails or is not available is skipped in later
    runs, together with the steps that depend on it."""

    def __init__(self, group, size, run_count):
        self.group, self.size, self.run_count = group, size, run_count
        self.skipped = set()
        self.current_run = 0

    def key(self, workload):
        return R.row(self.group, self.size, workload)

    def measure(self, workload, action, breaks=()):
        """action() returns seconds (or None when it recorded nothing)."""
        key = self.key(workload)
        if workload in self.skipped:
            return None
        try:
            seconds = action()
        except NotAvailable as e:
            R.na(key, str(e))
            self.skipped.update((workload, *breaks))
            return None
        except CheckFailed as e:
            R.fail(key, str(e))
            self.skipped.update((workload, *breaks))
            for other in breaks:
                R.na(self.key(other), f"not measured: '{workload}' failed")
            return None
        if seconds is not None:
            R.add(key, seconds, self.current_run)
            print(f"  [{self.group}={self.size} run {self.current_run}/{self.run_count}] {workload:<42} {seconds:8.2f} s",
                  file=sys.stderr, flush=True)
        return seconds


def engine_ms(output):
    """(seconds, breakdown) from the 'Engine time: <n> ms (...)' line, or None when there is none."""
    m = ENGINE_TIME.search(output or "")
    if not m:
        return None
    return int(m.group(1)) / 1000.0, m.group(2).strip()


def engine_seconds(output, key):
    """The engine time of a -Dverbose run; its breakdown is kept for the notes (last run wins)."""
    found = engine_ms(output)
    if found is None:
        raise NotAvailable("the plugin prints no 'Engine time:' line with -Dverbose")
    R.engine_detail[key] = found[1]
    return found[0]


# ---------------------------------------------------------------------------------------------
# what the installed plugin offers

def plugin_declares(goal, expression):
    """Whether the installed plugin's goal reads the given user property (its plugin.xml)."""
    group, artifact = workloads.PLUGIN
    jar = os.path.join(Env.maven_repo, *group.split("."), artifact, Env.plugin_version,
                       f"{artifact}-{Env.plugin_version}.jar")
    with zipfile.ZipFile(jar) as z:
        descriptor = ET.fromstring(z.read("META-INF/maven/plugin.xml"))
    for mojo in descriptor.iter("mojo"):
        if mojo.findtext("goal") == goal:
            configuration = mojo.find("configuration")
            return configuration is not None and any(
                (e.text or "").strip() == "${" + expression + "}" for e in configuration)
    return False


class Features:
    engine_time = None          # decided by the first warm-up run
    single_transaction = None   # decided from the plugin descriptor


# ---------------------------------------------------------------------------------------------
# revisions: psql floor, ours, Flyway

def floor_steps(steps, root, pattern, tables, fks, per_step_label):
    """The two psql measurements: the whole script in one transaction (the floor), and one
    transaction per revision/table (the like-for-like of a tool with a transaction per step)."""

    def one_transaction():
        Db.fresh()
        seconds, output, rc = run(psql("--single-transaction", "-f", "floor.sql"), root,
                                  f"{steps.group}{steps.size}-psql-floor", check=False)
        if rc != 0:
            raise NotAvailable(f"PostgreSQL refuses the script in one transaction: {first_error(output)}")
        expect_schema("psql floor", pattern, tables, fks)
        return seconds

    def per_step():
        Db.fresh()
        seconds = run(psql("-f", "per-step.sql"), root, f"{steps.group}{steps.size}-psql-per-step")[0]
        expect_schema("psql per step", pattern, tables, fks)
        return seconds

    steps.measure(FLOOR, one_transaction)
    steps.measure(per_step_label, per_step)
    return one_transaction


def floor_before(row):
    """The row of the floor measured again right before {row}, its reference in TARGETS."""
    return f"floor again, right before `{row}`"


FLOOR = "floor: psql, one transaction"
PSQL_PER_REVISION = "psql, one transaction per revision"
PSQL_PER_TABLE = "psql, one transaction per table"
UP_FRESH = "ours: upgrade, fresh clone"
UP_WARM = "ours: upgrade, warm cache"
UP_SINGLE = "ours: upgrade, -Dmigrations.singleTransaction"
ENG_FRESH = "ours: engine time, upgrade fresh clone"
ENG_WARM = "ours: engine time, upgrade warm cache"
ENG_SINGLE = "ours: engine time, upgrade one transaction"
ENG_SINGLE_QUICK = "ours: engine time, upgrade one transaction, quick JIT"
ENG_SINGLE_CDS = "ours: engine time, upgrade one transaction, CDS + quick JIT"
NOOP = "ours: no-op upgrade at head"
ENG_NOOP = "ours: engine time, no-op upgrade"
DOWN = "ours: downgrade -Dtarget=base"
CLI_UP = "cli: upgrade, packaged jar"
CLI_NOOP = "cli: no-op upgrade at head, packaged jar"
CLI_UP_QUICK = "cli: upgrade, packaged jar, quick JIT"
FLYWAY = "flyway: migrate"
FLYWAY_NOOP = "flyway: no-op migrate at head"
LB_EMPTY = "liquibase-hibernate: diff, empty db"
LB_MODEL = "liquibase-hibernate: diff, db at model"
VALIDATE = "maven: validate (start-up)"
AUTO_EMPTY = "ours: revision, empty db"
AUTO_MODEL = "ours: revision, db at model (no-op)"
ENG_AUTO_EMPTY = "ours: engine time, revision empty db"
ENG_AUTO_MODEL = "ours: engine time, revision at model"
NOOP_QUICK = "ours: no-op upgrade at head, quick JIT"
ENG_NOOP_QUICK = "ours: engine time, no-op upgrade, quick JIT"
AUTO_EMPTY_QUICK = "ours: revision, empty db, quick JIT"
AUTO_MODEL_QUICK = "ours: revision, db at model, quick JIT"
NOOP_CDS = "ours: no-op upgrade at head, CDS + quick JIT"
AUTO_EMPTY_CDS = "ours: revision, empty db, CDS + quick JIT"
AUTO_MODEL_CDS = "ours: revision, db at model, CDS + quick JIT"
VALIDATE_CDS = "maven: validate, CDS + quick JIT"

# The peer each of our rows is set against in `x peer, paired`: the same work done by the tool
# a team would otherwise pick. Only rows run with Maven's defaults, as the peers are.
PEERS = {UP_FRESH: FLYWAY, UP_WARM: FLYWAY, NOOP: FLYWAY_NOOP, AUTO_EMPTY: LB_EMPTY, AUTO_MODEL: LB_MODEL,
         CLI_UP: FLYWAY, CLI_NOOP: FLYWAY_NOOP}


def bench_revisions(n, runs):
    root = os.path.join(WORK, f"revisions-{n}")
    print(f"\n== revisions N={n}: generating {root}", file=sys.stderr, flush=True)
    ours_dir, flyway_dir = workloads.generate_revisions(root, n, Env.plugin_version)
    pattern, tables, fks = "^t[0-9]+$", n, n - 1
    steps = Steps("N", n, runs)
    log = f"N{n}"
    archive = ClassArchive(root)
    # a run that applies the revisions loads classes a no-op does not (the runner, the dialect)
    single_archive = ClassArchive(root, "maven-single.jsa")

    app_dir = os.path.join(root, "app")

    def command_line(*args, log_name, jvm=()):
        """The application's own JVM, as a deploy job starts it: app.jar and lib/, no Maven."""
        class_path = os.pathsep.join([os.path.join(app_dir, "target", "app.jar"),
                                      os.path.join(app_dir, "target", "lib", "*")])
        env = {"MIGRATIONS_URL": Env.jdbc_url(), "MIGRATIONS_USERNAME": Env.user}
        if Env.password:
            env["MIGRATIONS_PASSWORD"] = Env.password
        return run(["java", *jvm, "-cp", class_path, "dev.migrations.cli.Main", *args], app_dir, log_name,
                   env=env)[0]

    def upgrade(*args, fresh_clone=False, log_name, env=None):
        if fresh_clone:
            shutil.rmtree(os.path.join(ours_dir, "target"), ignore_errors=True)
        return run(ours("upgrade", *args), ours_dir, log_name, env=env)[0]

    # warm-up, not measured: resolves plugins online, and checks that the three ways of
    # writing the workload give the same schema
    print("  warm-up (online, not measured) and same-schema check", file=sys.stderr, flush=True)
    try:
        Db.fresh()
        run(psql("-f", "per-step.sql"), root, f"{log}-warmup-psql")
        floor_dump = Db.dump()
        Db.fresh()
        output = run(ours("upgrade", "-Dverbose", quiet=False, offline=False), ours_dir, f"{log}-warmup-ours")[1]
        if Features.engine_time is None:
            Features.engine_time = engine_ms(output) is not None
        expect_schema("ours (warm-up)", pattern, tables, fks)
        same_dump(f"N={n} ours", floor_dump, Db.dump(VERSION_TABLES))
        archive.write(ours("upgrade"), ours_dir, f"{log}-warmup-cds")
        if Features.single_transaction:
            Db.fresh()
            single_archive.write(ours("upgrade", "-Dmigrations.singleTransaction=true"), ours_dir,
                                 f"{log}-warmup-cds-single")
        else:
            single_archive.usable = "the installed upgrade goal does not read migrations.singleTransaction"
        Db.fresh()
        run(mvn("package", offline=False), app_dir, f"{log}-warmup-app-package")
        command_line("upgrade", log_name=f"{log}-warmup-cli")
        expect_schema("command line (warm-up)", pattern, tables, fks)
        same_dump(f"N={n} command line", floor_dump, Db.dump(VERSION_TABLES))
        Db.fresh()
        run(flyway("migrate", offline=False), flyway_dir, f"{log}-warmup-flyway", env=FLYWAY_ENV)
        expect_schema("flyway (warm-up)", pattern, tables, fks)
        same_dump(f"N={n} flyway", floor_dump, Db.dump(["flyway_schema_history"]))
    except CheckFailed as e:
        R.fail(steps.key("warm-up"), str(e))
        return

    for r in range(1, runs + 1):
        steps.current_run = r
        floor = floor_steps(steps, root, pattern, tables, fks, PSQL_PER_REVISION)

        def measure_target(workload, action, breaks=()):
            # a target's reference is the floor measured right before it, not the run's first
            # floor a minute earlier: on this machine's disk the floor moves by a third within a
            # run (bench/history.md), and the target rows come late in it
            if any(group == "N" and size == n and row == workload for group, size, row, _, _ in TARGETS):
                steps.measure(floor_before(workload), floor)
            steps.measure(workload, action, breaks)

        def fresh_clone():
            Db.fresh()
            seconds = upgrade(fresh_clone=True, log_name=f"{log}-upgrade-fresh")
            expect_schema(UP_FRESH, pattern, tables, fks)
            return seconds

        def noop(label=NOOP, log_name=f"{log}-upgrade-noop", env=None):
            seconds = upgrade(log_name=log_name, env=env)
            expect_schema(label, pattern, tables, fks)
            return seconds

        def downgrade():
            seconds = run(ours("downgrade", "-Dtarget=base"), ours_dir, f"{log}-downgrade")[0]
            expect_schema(DOWN, pattern, 0, 0)
            return seconds

        def warm():
            Db.fresh()
            seconds = upgrade(log_name=f"{log}-upgrade-warm")
            expect_schema(UP_WARM, pattern, tables, fks)
            return seconds

        def single_transaction():
            if not Features.single_transaction:
                raise NotAvailable("the installed upgrade goal does not read migrations.singleTransaction")
            Db.fresh()
            seconds, output, rc = run(ours("upgrade", "-Dmigrations.singleTransaction=true"), ours_dir,
                                      f"{log}-upgrade-single", check=False)
            if rc != 0:
                raise NotAvailable(f"the build refuses it: {first_error(output)}")
            expect_schema(UP_SINGLE, pattern, tables, fks)
            return seconds

        def engine(label, fresh_db, fresh_clone, log_name, *extra, env=None):
            # a run of its own: without -q, so that an INFO line can be read
            def action():
                if not Features.engine_time:
                    raise NotAvailable("the plugin prints no 'Engine time:' line with -Dverbose")
                if extra and not Features.single_transaction:
                    raise NotAvailable("the installed upgrade goal does not read migrations.singleTransaction")
                if fresh_db:
                    Db.fresh()
                if fresh_clone:
                    shutil.rmtree(os.path.join(ours_dir, "target"), ignore_errors=True)
                _, output, rc = run(ours("upgrade", "-Dverbose", *extra, quiet=False), ours_dir, log_name,
                                    env=env, check=not extra)
                if rc != 0:
                    raise NotAvailable(f"the build refuses it: {first_error(output)}")
                expect_schema(label, pattern, tables, fks)
                return engine_seconds(output, steps.key(label))
            return action

        def flyway_migrate():
            Db.fresh()
            seconds = run(flyway("migrate"), flyway_dir, f"{log}-flyway", env=FLYWAY_ENV)[0]
            expect_schema(FLYWAY, pattern, tables, fks)
            return seconds

        def flyway_noop():
            seconds = run(flyway("migrate"), flyway_dir, f"{log}-flyway-noop", env=FLYWAY_ENV)[0]
            expect_schema(FLYWAY_NOOP, pattern, tables, fks)
            return seconds

        steps.measure(UP_FRESH, fresh_clone, breaks=(NOOP, ENG_NOOP, NOOP_QUICK, ENG_NOOP_QUICK, NOOP_CDS, DOWN))
        steps.measure(NOOP, noop)
        steps.measure(ENG_NOOP, engine(ENG_NOOP, False, False, f"{log}-engine-noop"))
        steps.measure(NOOP_QUICK, lambda: noop(NOOP_QUICK, f"{log}-upgrade-noop-quick", QUICK_JIT_ENV))
        steps.measure(ENG_NOOP_QUICK, engine(ENG_NOOP_QUICK, False, False, f"{log}-engine-noop-quick",
                                             env=QUICK_JIT_ENV))
        steps.measure(NOOP_CDS, lambda: noop(NOOP_CDS, f"{log}-upgrade-noop-cds", archive.env()))
        steps.measure(DOWN, downgrade)
        steps.measure(UP_WARM, warm)
        measure_target(ENG_WARM, engine(ENG_WARM, True, False, f"{log}-engine-warm"))
        steps.measure(ENG_FRESH, engine(ENG_FRESH, True, True, f"{log}-engine-fresh"))
        steps.measure(UP_SINGLE, single_transaction)
        measure_target(ENG_SINGLE, engine(ENG_SINGLE, True, False, f"{log}-engine-single",
                                         "-Dmigrations.singleTransaction=true"))
        steps.measure(ENG_SINGLE_QUICK, engine(ENG_SINGLE_QUICK, True, False, f"{log}-engine-single-quick",
                                               "-Dmigrations.singleTransaction=true", env=QUICK_JIT_ENV))
        steps.measure(ENG_SINGLE_CDS, lambda: engine(ENG_SINGLE_CDS, True, False, f"{log}-engine-single-cds",
                                                     "-Dmigrations.singleTransaction=true",
                                                     env=single_archive.env())())
        def cli_upgrade():
            Db.fresh()
            seconds = command_line("upgrade", log_name=f"{log}-cli-upgrade")
            expect_schema(CLI_UP, pattern, tables, fks)
            return seconds

        def cli_upgrade_quick():
            # the JVM option docs/runtime.md recommends for the command line's short-lived process
            Db.fresh()
            seconds = command_line("upgrade", log_name=f"{log}-cli-upgrade-quick", jvm=("-XX:TieredStopAtLevel=1",))
            expect_schema(CLI_UP_QUICK, pattern, tables, fks)
            return seconds

        def cli_noop():
            seconds = command_line("upgrade", log_name=f"{log}-cli-noop")
            expect_schema(CLI_NOOP, pattern, tables, fks)
            return seconds

        measure_target(CLI_UP, cli_upgrade, breaks=(CLI_NOOP,))
        steps.measure(CLI_NOOP, cli_noop)
        steps.measure(CLI_UP_QUICK, cli_upgrade_quick)
        steps.measure(FLYWAY, flyway_migrate, breaks=(FLYWAY_NOOP,))
        steps.measure(FLYWAY_NOOP, flyway_noop)
        steps.measure(VALIDATE, lambda: run(mvn("validate"), ours_dir, f"{log}-validate")[0])
        steps.measure(VALIDATE_CDS, lambda: run(mvn("validate"), ours_dir, f"{log}-validate-cds",
                                                env=archive.env())[0])


# ---------------------------------------------------------------------------------------------
# autogenerate

def migration_files(project):
    folder = os.path.join(project, "src/main/migrations")
    found = set()
    for dirpath, _, names in os.walk(folder):
        found.update(os.path.join(dirpath, n) for n in names if n.endswith(".java"))
    return found


def clear_migrations_of(project):
    shutil.rmtree(os.path.join(project, "src/main/migrations"), ignore_errors=True)


def revision_in(project, log_name, offline=True, env=None):
    """migrations:revision with its output (not -q: it is checked); (seconds, output, files written)."""
    before = migration_files(project)
    seconds, output, _ = run(ours("revision", "-Dmessage=bench", "-Dverbose", quiet=False, offline=offline),
                             project, log_name, env=env)
    return seconds, output, sorted(migration_files(project) - before)


def revision_on_empty_db(project, log_name, offline=True, env=None):
    """A revision from no migrations on a fresh database: it must write one file."""
    Db.fresh()
    clear_migrations_of(project)
    seconds, output, written = revision_in(project, log_name, offline, env)
    if len(written) != 1:
        raise CheckFailed(f"expected one new migration file, found {len(written)}: {first_error(output)}")
    return seconds, output, written


def change_lines(output):
    """The lines in which revision lists what it found: '[INFO]   create table e0001'."""
    return [l[len("[INFO] "):] for l in output.splitlines() if re.match(r"\[INFO\]   \S", l)]


def require_no_changes(output, written, against):
    """A revision against a database at the model must find nothing and write nothing."""
    if "No changes detected" not in output or written:
        changes = change_lines(output)
        shown = "\n    ".join(changes[:20]) + ("\n    ..." if len(changes) > 20 else "")
        raise CheckFailed(f"{max(len(changes), 1)} false change(s) against {against}"
                          f" ({len(written)} file(s) written):\n    {shown}")


def bench_entities(m, runs):
    root = os.path.join(WORK, f"entities-{m}")
    print(f"\n== entities M={m}: generating {root}", file=sys.stderr, flush=True)
    project, liquibase_dir = workloads.generate_entities(root, m, Env.plugin_version)
    pattern, tables, fks = "^e[0-9]+$", m, m - 1
    steps = Steps("M", m, runs)
    log = f"M{m}"
    archive = ClassArchive(root)

    def clear_migrations():
        clear_migrations_of(project)

    def revision(log_name, offline=True, env=None):
        return revision_in(project, log_name, offline, env)

    print("  warm-up (online, not measured)", file=sys.stderr, flush=True)
    try:
        clear_migrations()
        Db.fresh()
        run(psql("-f", "per-step.sql"), root, f"{log}-warmup-psql")
        floor_dump = Db.dump()
        Db.fresh()
        revision(f"{log}-warmup-revision", offline=False)
        run(ours("upgrade", offline=False), project, f"{log}-warmup-upgrade")
        expect_schema("upgrade of the autogenerated revision (warm-up)", pattern, tables, fks)
        try:
            same_dump(f"M={m} autogenerated revision", floor_dump, Db.dump(VERSION_TABLES))
        except CheckFailed as e:
            R.notes.append(f"M={m}: the floor's SQL is not exactly the autogenerated schema; the ratios compare "
                           f"slightly different DDL. {e}")
        # at the model (the revision that brought it there still in place): the archive holds
        # what a revision loads, Hibernate's and SchemaCrawler's classes among them
        archive.write(ours("revision", "-Dmessage=bench"), project, f"{log}-warmup-cds")
        clear_migrations()
        run(mvn("validate", offline=False), project, f"{log}-warmup-validate")
        Db.fresh()
        run(mvn("compile", offline=False), liquibase_dir, f"{log}-warmup-liquibase-build")
        try:
            liquibase_on(liquibase_dir, f"{log}-warmup-liquibase", offline=False)
        except NotAvailable:
            pass  # the measured runs say so in their rows
    except CheckFailed as e:
        warmup_failure = str(e)
        clear_migrations()
    else:
        warmup_failure = None

    for r in range(1, runs + 1):
        steps.current_run = r
        floor_steps(steps, root, pattern, tables, fks, PSQL_PER_TABLE)
        clear_migrations()
        state = {}

        def empty_db():
            seconds, output, written = revision_on_empty_db(project, f"{log}-revision-empty")
            state["empty_output"] = output
            # not measured: the written revision must create the model, and brings the
            # database to it for the next measurement
            try:
                run(ours("upgrade"), project, f"{log}-upgrade-written")
                expect_schema("upgrade", pattern, tables, fks)
            except CheckFailed as e:
                raise CheckFailed(f"the revision written in {seconds:.2f} s ({os.path.basename(written[0])})"
                                  f" does not create the model: {e}")
            return seconds

        def at_model(suffix="", env=None):
            seconds, output, written = revision(f"{log}-revision-at-model{suffix}", env=env)
            if env is None:
                state["model_output"] = output
            require_no_changes(output, written, "a database at the model")
            return seconds

        steps.measure(AUTO_EMPTY, empty_db, breaks=(ENG_AUTO_EMPTY, AUTO_MODEL, ENG_AUTO_MODEL, AUTO_MODEL_QUICK,
                                                    AUTO_MODEL_CDS))
        steps.measure(ENG_AUTO_EMPTY, lambda: engine_seconds(state.get("empty_output"), steps.key(ENG_AUTO_EMPTY)))
        steps.measure(AUTO_MODEL, at_model, breaks=(ENG_AUTO_MODEL,))
        steps.measure(ENG_AUTO_MODEL, lambda: engine_seconds(state.get("model_output"), steps.key(ENG_AUTO_MODEL)))
        steps.measure(AUTO_MODEL_QUICK, lambda: at_model("-quick", QUICK_JIT_ENV))
        steps.measure(AUTO_MODEL_CDS, lambda: at_model("-cds", archive.env()))

        def empty_db_tuned(suffix, env):
            return revision_on_empty_db(project, f"{log}-revision-empty{suffix}", env=env)[0]

        def liquibase_at_model():
            # the model's schema made by psql (not timed), so that the peer's measurement does
            # not rest on ours; no version table to count as a difference
            Db.fresh()
            run(psql("-f", "per-step.sql"), root, f"{log}-liquibase-model-schema")
            seconds, changes = liquibase_on(liquibase_dir, f"{log}-liquibase-at-model")
            if changes.get("dropTable"):
                raise CheckFailed(f"liquibase-hibernate's diff at the model drops {changes['dropTable']} tables:"
                                  " it read no entity")
            state["liquibase_false_changes"] = changes
            return seconds

        def liquibase_empty():
            Db.fresh()
            seconds, changes = liquibase_on(liquibase_dir, f"{log}-liquibase-empty")
            if changes["createTable"] != m:
                raise CheckFailed(f"liquibase-hibernate's diff on an empty database creates {changes['createTable']}"
                                  f" tables, not {m}")
            return seconds

        steps.measure(AUTO_EMPTY_QUICK, lambda: empty_db_tuned("-quick", QUICK_JIT_ENV))
        steps.measure(AUTO_EMPTY_CDS, lambda: empty_db_tuned("-cds", archive.env()))
        steps.measure(LB_MODEL, liquibase_at_model)
        steps.measure(LB_EMPTY, liquibase_empty)
        clear_migrations()
        steps.measure(VALIDATE, lambda: run(mvn("validate"), project, f"{log}-validate")[0])
        steps.measure(VALIDATE_CDS, lambda: run(mvn("validate"), project, f"{log}-validate-cds",
                                                env=archive.env())[0])

    if state.get("liquibase_false_changes"):
        changes = state["liquibase_false_changes"]
        R.notes.append(f"M={m} {LB_MODEL}: proposes {changes['changeSet']} change sets against the database at the"
                       f" model ({', '.join(f'{n} {k}' for k, n in sorted(changes.items()) if k != 'changeSet')})")
    # a warm-up failure that the measurements did not show again
    if warmup_failure and not any(f.startswith(f"M={m} ") for f in R.failures):
        R.notes.append(f"M={m}: warm-up: {warmup_failure}")


def liquibase_on(project, log_name, offline=True):
    """Runs liquibase:diff; (seconds, {change kind: count} of the changelog it wrote)."""
    diff = os.path.join(project, workloads.LIQUIBASE_DIFF)
    if os.path.exists(diff):
        os.remove(diff)  # it appends to an existing changelog
    seconds, output, rc = run(liquibase_diff(offline=offline), project, log_name, check=False)
    if rc != 0:
        # the peer itself failing (Hibernate 6.6 overflows its stack on a chain of 800 @ManyToOne)
        # is not a failure of the benchmark: its row says why it has no time
        crash = re.search(r"Exception in thread \S+ (\S+)", output)
        raise NotAvailable(f"liquibase:diff fails: {crash.group(1) if crash else first_error(output)}")
    if not os.path.exists(diff):
        raise CheckFailed(f"liquibase:diff wrote no {workloads.LIQUIBASE_DIFF} [log: {os.path.join(LOGS, log_name)}.log]")
    changes = {"changeSet": 0, "createTable": 0}
    for change_set in ET.parse(diff).getroot():
        changes["changeSet"] += 1
        for change in change_set:
            kind = change.tag.rsplit("}", 1)[-1]
            changes[kind] = changes.get(kind, 0) + 1
    return seconds, changes


# ---------------------------------------------------------------------------------------------
# the published model (Keycloak's entities from Maven Central)

PUBLISHED = "published"
PUB_REFERENCE = "ours: revision, empty db, M=200 (reference)"
PUB_BASELINE = "ours: revision, empty db (baseline)"
PUB_CHECK = "ours: check, db at baseline"
PUB_NOOP = "ours: revision, db at baseline (no-op)"
ENG_PUB_BASELINE = "ours: engine time, revision empty db"
ENG_PUB_CHECK = "ours: engine time, check"
ENG_PUB_NOOP = "ours: engine time, revision at baseline"
PUB_MAVEN = "maven: process-classes (start-up, dependencies)"
REFERENCE_ENTITIES = 200

# (group, size or None for the group's one size, row, reference row or None for seconds, at most).
# 500 revisions through Maven, engine time: a transaction each at most 1.5x the psql floor, one
# transaction at most 1.15x; each against the floor measured right before it. A large real
# model: whole-process revision and check at most 1.5x the M=200 revision of the same run (a
# ratio, because the machine is shared and its absolute times move). The command line
# from the packaged jar, JVM start included: 500 revisions at most 1.3x the psql floor measured
# right before it, and a no-op at head with 2,000 revisions in at most half a second.
TARGETS = [(PUBLISHED, None, row, PUB_REFERENCE, 1.5) for row in (PUB_BASELINE, PUB_CHECK, PUB_NOOP)] + [
    ("N", 500, ENG_WARM, floor_before(ENG_WARM), 1.5),
    ("N", 500, ENG_SINGLE, floor_before(ENG_SINGLE), 1.15),
    ("N", 500, CLI_UP, floor_before(CLI_UP), 1.3),
    ("N", 2000, CLI_NOOP, None, 0.5),
]


def bench_published(runs):
    """Keycloak's published entities as a user project's dependency: the baseline revision on an
    empty database, check and a revision with nothing to do on the database upgraded to it. Each
    run also measures the M=200 revision on an empty database right beside them, the reference of
    the targets: so that every ratio pairs runs minutes apart, in quick mode too."""
    root = os.path.join(WORK, "published")
    print(f"\n== published model: keycloak-model-jpa {workloads.KEYCLOAK_VERSION}, generating {root}",
          file=sys.stderr, flush=True)
    project = workloads.generate_published_model(root, Env.plugin_version)
    reference, _ = workloads.generate_entities(os.path.join(root, f"entities-{REFERENCE_ENTITIES}"),
                                               REFERENCE_ENTITIES, Env.plugin_version)
    tables, fks = workloads.KEYCLOAK_TABLES, workloads.KEYCLOAK_FOREIGN_KEYS
    pattern = "^(?!migrations_version)"  # every table but the plugin's own
    steps = Steps(PUBLISHED, tables, runs)
    log = PUBLISHED

    def baseline(log_name, offline=True):
        seconds, output, _ = revision_on_empty_db(project, log_name, offline)
        # not measured: the baseline must create the model, and brings the database to it
        run(ours("upgrade", offline=offline), project, f"{log_name}-upgrade")
        expect_schema("upgrade of the baseline", pattern, tables, fks)
        return seconds, output

    def check(log_name, offline=True):
        seconds, output, rc = run(ours("check", "-Dverbose", quiet=False, offline=offline), project, log_name,
                                  check=False)
        if rc != 0 or "The entity model matches the schema at head" not in output:
            raise CheckFailed(f"check fails on the database at the baseline: {first_error(output)}"
                              f" [log: {os.path.join(LOGS, log_name)}.log]")
        return seconds, output

    def no_change(log_name, offline=True):
        seconds, output, written = revision_in(project, log_name, offline)
        require_no_changes(output, written, "the database at the baseline")
        return seconds, output

    def reference_revision(log_name, offline=True):
        return revision_on_empty_db(reference, log_name, offline)[0]

    # warm-up, online: resolves Keycloak's dependencies (some 180 jars) once if they are missing
    print("  warm-up (online, not measured)", file=sys.stderr, flush=True)
    try:
        run(mvn("compile", offline=False), reference, f"{log}-warmup-reference-build")
        reference_revision(f"{log}-warmup-reference", offline=False)
        output = baseline(f"{log}-warmup-baseline", offline=False)[1]
        if Features.engine_time is None:
            Features.engine_time = engine_ms(output) is not None
        check(f"{log}-warmup-check", offline=False)
        no_change(f"{log}-warmup-no-change", offline=False)
    except CheckFailed as e:
        R.fail(steps.key("warm-up"), str(e))
        return

    for r in range(1, runs + 1):
        steps.current_run = r
        state = {}

        def timed(name, action):
            def measured():
                seconds, state[name] = action(f"{log}-{name}")
                return seconds
            return measured

        steps.measure(PUB_REFERENCE, lambda: reference_revision(f"{log}-reference"))
        steps.measure(PUB_BASELINE, timed("baseline", baseline),
                      breaks=(ENG_PUB_BASELINE, PUB_CHECK, ENG_PUB_CHECK, PUB_NOOP, ENG_PUB_NOOP))
        steps.measure(ENG_PUB_BASELINE, lambda: engine_seconds(state.get("baseline"), steps.key(ENG_PUB_BASELINE)))
        steps.measure(PUB_CHECK, timed("check", check), breaks=(ENG_PUB_CHECK,))
        steps.measure(ENG_PUB_CHECK, lambda: engine_seconds(state.get("check"), steps.key(ENG_PUB_CHECK)))
        steps.measure(PUB_NOOP, timed("no-change", no_change), breaks=(ENG_PUB_NOOP,))
        steps.measure(ENG_PUB_NOOP, lambda: engine_seconds(state.get("no-change"), steps.key(ENG_PUB_NOOP)))
        # what Maven alone takes before our goals run (their forked process-classes): its start-up and
        # the resolution of the project's dependency tree, some 850 nodes, which the M=200 project lacks
        steps.measure(PUB_MAVEN, lambda: run(mvn("process-classes"), project, f"{log}-process-classes")[0])
    clear_migrations_of(project)
    clear_migrations_of(reference)


def target_lines():
    """Each target of TARGETS: the paired ratio of the same run, met or MISSED (n/a without data)."""
    lines = []
    for group, size, row, reference, limit in TARGETS:
        def find(workload):
            return next((k for k in R.rows if k[0] == group and size in (None, k[1]) and k[2] == workload), None)
        key = find(row)
        where = group if size is None else f"{group}={size}"
        if reference is None:
            what = f"{where}: `{row}` at most {limit} s"
            if key is None or R.status.get(key) or not R.samples.get(key):
                lines.append(f"{what}: n/a (not measured, or failed)")
            else:
                median = statistics.median(R.samples[key])
                lines.append(f"{what}: median {median:.2f} s: {'met' if median <= limit else 'MISSED'}")
            continue
        ref = find(reference)
        ratio = R.paired_ratio(key, ref) if key and ref and not R.status.get(key) and not R.status.get(ref) else None
        what = f"{where}: `{row}` at most {limit}x `{reference}`"
        if ratio is None:
            lines.append(f"{what}: n/a (not measured, or failed)")
        else:
            medians = f"{statistics.median(R.samples[key]):.2f} s vs {statistics.median(R.samples[ref]):.2f} s"
            lines.append(f"{what}: paired {ratio:.2f}x ({medians}): {'met' if ratio <= limit else 'MISSED'}")
    return lines


# ---------------------------------------------------------------------------------------------
# the table

def fmt(seconds):
    return f"{seconds:.2f}"


def table():
    header = ["workload", "size", "runs", "median s", "min s", "max s", "x floor", "x floor, paired", "x psql per step",
              "x peer, paired", "ms per unit"]
    lines = []
    for group, size, workload in R.rows:
        key = (group, size, workload)
        samples = R.samples.get(key, [])
        status = R.status.get(key)
        unit = "rev" if group == "N" else "table"
        cells = [workload, f"{group}={size}", str(len(samples))]
        if status == "FAIL" or not samples:
            cells += [status or "n/a", "", "", "", "", "", "", ""]
        else:
            median = statistics.median(samples)
            ratios = []
            for reference in (FLOOR, PSQL_PER_REVISION if group == "N" else PSQL_PER_TABLE):
                ref = R.samples.get((group, size, reference))
                ratios.append(f"{median / statistics.median(ref):.2f}" if ref and R.status.get((group, size, reference)) != "FAIL" else "n/a")
            floor_key = (group, size, FLOOR)
            paired = R.paired_ratio(key, floor_key) if R.status.get(floor_key) != "FAIL" else None
            ratios.insert(1, f"{paired:.2f}" if paired is not None else "n/a")
            peer = (group, size, PEERS[workload]) if workload in PEERS else None
            peer_ratio = R.paired_ratio(key, peer) if peer and R.status.get(peer) != "FAIL" else None
            ratios.append("" if peer is None else f"{peer_ratio:.2f}" if peer_ratio is not None else "n/a")
            units = REFERENCE_ENTITIES if workload == PUB_REFERENCE else size
            cells += [fmt(median), fmt(min(samples)), fmt(max(samples)), *ratios,
                      f"{median * 1000 / units:.1f} /{unit}"]
        lines.append(cells)
    widths = [max(len(str(c)) for c in column) for column in zip(header, *lines)]
    right = {2, 3, 4, 5, 6, 7, 8, 9, 10}

    def render(cells):
        return "| " + " | ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    out = [render(header), "|" + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2))
                                         for i, w in enumerate(widths)) + "|"]
    previous = None
    for cells in lines:
        if previous is not None and cells[1] != previous:
            out.append(render([""] * len(header)))
        previous = cells[1]
        out.append(render(cells))
    return "\n".join(out)


def describe_environment(args, started):
    def output_of(cmd):
        try:
            return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO).stdout.strip()
        except OSError:
            return "?"
    source = {}
    try:
        with open(os.path.join(os.environ.get("BENCH_SRC_COPY", "/tmp/bench-src"), ".bench-source")) as f:
            source = dict(line.strip().split("=", 1) for line in f if "=" in line)
    except OSError:
        pass
    maven = ANSI.sub("", output_of([Env.mvn, "-v"])).splitlines()[0]
    java = output_of(["java", "-version"]).splitlines()[0]
    server = Db.query("SHOW server_version", database="postgres")
    return [
        f"- date: {started:%Y-%m-%d %H:%M} UTC, mode: {args.mode}, {args.runs} runs per measurement (median, min, max)",
        f"- plugin: {workloads.PLUGIN[1]} {Env.plugin_version}, built by bench/run from a copy of {REPO} taken"
        f" {source.get('copied', '?')} at commit {source.get('commit', '?')}"
        + (f" with {source['uncommitted']} changed file(s)" if source.get("uncommitted", "0") != "0" else ""),
        f"- {maven} (`{Env.mvn}`); {java}",
        f"- PostgreSQL {server} at {Env.host}:{Env.port}; {os.cpu_count()} CPUs, load average at start"
        f" {LOAD_AT_START[0]:.2f}, at end {os.getloadavg()[0]:.2f} (other work on the machine skews the times)",
        f"- Flyway {workloads.FLYWAY_VERSION} (flyway-maven-plugin, one transaction per migration)",
        f"- Liquibase {workloads.LIQUIBASE_VERSION} (liquibase-maven-plugin diff, liquibase-hibernate6"
        f" {workloads.LIQUIBASE_VERSION}: Hibernate ORM 6.6; the model read from a persistence.xml listing the entities)",
        f"- detected: 'Engine time:' line: {'yes' if Features.engine_time else 'no'}; "
        f"upgrade reads migrations.singleTransaction: {'yes' if Features.single_transaction else 'no'}",
    ]


LEGEND = """\
Sizes: N = revisions, each creating one table (5 columns, an index, a foreign key to the
previous table); M = JPA entities (9 columns, a unique constraint, an index, a @ManyToOne to
the previous entity); published = Keycloak's published entities (keycloak-model-jpa, 86 tables,
some 180 jars on the class path), beside the M=200 revision as their reference. Whole-process wall times in seconds, fresh database for every run
that needs one. `x floor`: median / median of `floor: psql, one transaction` of the same
size in this run; `x floor, paired`: median over the runs of this row's time / the floor's
time in the same run (the runs are interleaved, so this cancels a drift of the machine over
the benchmark); `x psql per step`: median / median of psql with one transaction per
revision (per table for M), the like-for-like of a tool with a transaction per step.
`x peer, paired`: like `x floor, paired`, against the peer doing the same work in the same run
(upgrades: `flyway: migrate`; no-op: Flyway's no-op; revision: liquibase-hibernate's diff of
the same database). `ms per unit`: median / size. Engine-time rows are the plugin's own
`Engine time:` line.
`quick JIT` rows: the same run with MAVEN_OPTS=-XX:TieredStopAtLevel=1 (docs/performance.md);
for the command line, the same option given to its `java` (docs/runtime.md).
`CDS + quick JIT` rows: the same with Maven's classes mapped from a class-data-sharing archive
of the same project (-XX:SharedArchiveFile=..., written by a warm-up run with
-XX:ArchiveClassesAtExit=...), as docs/performance.md suggests. The peers ran with Maven's
defaults, so these rows have no `x peer`."""


LOAD_AT_START = os.getloadavg()


def main():
    args = parse_args()
    started = datetime.datetime.utcnow()
    t0 = time.monotonic()
    os.makedirs(WORK, exist_ok=True)
    shutil.rmtree(LOGS, ignore_errors=True)
    os.makedirs(LOGS)
    try:
        Db.query("SELECT 1", database="postgres")
    except CheckFailed as e:
        sys.exit(f"cannot reach PostgreSQL at {Env.host}:{Env.port} as {Env.user}: {e}")
    try:
        Features.single_transaction = plugin_declares("upgrade", "migrations.singleTransaction")
    except FileNotFoundError as e:
        sys.exit(f"the plugin {Env.plugin_version} is not installed ({e.filename}); run bench/run without --skip-build")
    print(f"benchmark, {args.mode} mode: {args.runs} runs, N={args.revisions}, M={args.entities}; "
          f"logs in {LOGS}", file=sys.stderr, flush=True)

    try:
        for n in args.revisions:
            bench_revisions(n, args.runs)
        for m in args.entities:
            bench_entities(m, args.runs)
        if not args.no_published:
            bench_published(args.runs)
    finally:
        Db.drop()

    elapsed = time.monotonic() - t0
    text = ["# migrations-maven-plugin benchmark", "", *describe_environment(args, started),
            f"- total benchmark time: {elapsed / 60:.1f} min", "", LEGEND, "", table(), ""]
    notes = R.na_notes() + R.notes + [f"{k[0]}={k[1]} {k[2]}, breakdown of the last run: {d}" for k, d in R.engine_detail.items()]
    if notes:
        text += ["Notes:", *[f"- {n}" for n in notes], ""]
    text += ["Targets:", *[f"- {t}" for t in target_lines()], ""]
    text += ["Failures:" if R.failures else "Failures: none", *[f"- {f}" for f in R.failures], ""]
    report = "\n".join(text)
    with open(os.path.join(TARGET, "results.md"), "w") as f:
        f.write(report)
    print("\n" + report)
    print(f"(written to {os.path.join(TARGET, 'results.md')})")
    sys.exit(1 if R.failures else 0)


if __name__ == "__main__":
    main()
