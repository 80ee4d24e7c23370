#!/usr/bin/env bash
# Tries migrations-maven-plugin on the bundled example service against an embedded
# PostgreSQL: builds the plugin, creates a revision, upgrades, shows where things stand,
# and walks back. Needs only a JDK; everything else comes from Maven Central.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/target/example-shop"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

echo "Building the plugin..."
(cd "$root" && ./mvnw -q -B install -DskipTests -Dinvoker.skip=true)

rm -rf "$work" && mkdir -p "$(dirname "$work")" && cp -r "$root/src/example/shop" "$work"
cd "$work"
# Maven's banner lines are filtered out; the plugin's own lines remain.
mvn() { "$root/mvnw" -B --no-transfer-progress "$@" | { grep -v -E '^\[INFO\] (---|Scanning|Building|BUILD|Total time|Finished at|  from pom.xml|-+$|$)|^\[INFO\] *$' || true; }; }

step mvn migrations:heads
step mvn migrations:revision -Dmessage="add phone to customer" -Dautogenerate=false
new=$(ls src/main/migrations/db/migrations/*add_phone_to_customer.java)
# Fill in the generated revision the way a developer would.
sed -i.bak \
  -e 's|// Write the upgrade here.*|op.addColumn("customer", column("phone", varchar(32)));|' \
  -e 's|// Write the downgrade here.*|op.dropColumn("customer", "phone");|' "$new" && rm -f "$new.bak"
echo; echo "--- $new"; cat "$new"
step mvn migrations:upgrade
step mvn migrations:current
step mvn migrations:history
step mvn migrations:downgrade -Dtarget=-1
step mvn migrations:current
step mvn migrations:downgrade -Dtarget=base
step mvn migrations:upgrade
echo; echo "Done. The example project is in $work; its database is in $work/target/migrations/pgdata."
