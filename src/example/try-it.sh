#!/usr/bin/env bash
# Tries migrations-maven-plugin on the bundled example service against an embedded
# PostgreSQL: builds the plugin, applies the bundled revision and checks the entities against
# it, edits an entity (the edited file is in src/example/edit; the example-try-it test makes the
# same edit), has the plugin write the migration for it, applies it, checks again and walks
# back. Needs only a JDK; everything else comes from Maven Central.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/target/example-shop"

# Prints a command as it could be typed again (an argument with spaces quoted), then runs it.
step() {
    local shown=() arg
    for arg in "$@"; do
        case $arg in -D*=*' '*) arg="${arg%%=*}=\"${arg#*=}\"" ;; esac
        shown+=("$arg")
    done
    printf '\n\033[1m$ %s\033[0m\n' "${shown[*]}"
    "$@"
}

echo "Building the plugin..."
(cd "$root" && ./mvnw -q -B install -DskipTests -Dinvoker.skip=true)

rm -rf "$work" && mkdir -p "$(dirname "$work")" && cp -r "$root/src/example/shop" "$work"
cd "$work"
# Maven's own lines (banners, the compile that check and revision run first, the advice after a
# failure) are filtered out; the plugin's lines and Maven's one error line remain.
mvn() {
    "$root/mvnw" -B --no-transfer-progress "$@" | { grep -v -E "$maven_lines" || true; }
}
maven_lines='^\[INFO\] (---|Scanning|Building|BUILD|Total time|Finished at|  from pom.xml|-+$|$)|^\[INFO\] *$'
maven_lines+='|^\[INFO\] (>>>|<<<|skip non existing|Recompiling|Nothing to compile)'
maven_lines+='|^\[ERROR\] *$|^\[ERROR\] (To see the full|Re-run Maven|For more information|\[Help 1\])'

step mvn migrations:upgrade
step mvn migrations:check

entity=src/main/java/com/example/shop/model/Customer.java
echo; echo "Editing the entity Customer: a phone number with an index, and no birth date any more."
diff -u "$entity" "$root/src/example/edit/$entity" || true
step cp -R "$root/src/example/edit/." .

if step mvn migrations:check; then
    echo "check passed, but the entities no longer match the schema at head" >&2
    exit 1
fi
step mvn migrations:revision -Dmessage="add phone to customer, drop birth date"
new=$(ls src/main/migrations/db/migrations/*_add_phone_to_customer*.java)
echo; echo "--- $new"; cat "$new"
step mvn migrations:upgrade
step mvn migrations:check
step mvn migrations:downgrade -Dtarget=-1
step mvn migrations:history
echo; echo "Done. The example project is in $work; its database is in $work/target/migrations/pgdata."
