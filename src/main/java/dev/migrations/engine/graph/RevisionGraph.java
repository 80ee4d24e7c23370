package dev.migrations.engine.graph;

import dev.migrations.engine.Spelling;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The revisions of one service and how they relate: the counterpart of Alembic's
 * {@code RevisionMap}. Immutable and validated on construction, so every other class can
 * assume there are no duplicate ids, no dangling parents and no cycles.
 *
 * <p>Two kinds of edges: <em>parents</em> form the history lines (they decide heads, branch
 * points and merges) and <em>depends-on</em> only adds "apply that first". So a revision that
 * another one depends on is still a head, as in Alembic. Ordering and "what must be applied"
 * use both kinds; heads and the head set stored in the database use parents only.
 *
 * <p>The database's position is given as its set of <em>current heads</em> (the rows of the
 * version table); everything they need, transitively through both kinds of edges, counts as
 * applied. An empty set is an empty database.
 *
 * <p>Every list is in a reproducible order: revision sets are returned in {@link
 * #topologicalOrder() topological order} (or its reverse, newest first), heads, bases and
 * children sorted by id.
 */
public final class RevisionGraph {
    private static final Set<String> KEYWORDS = Set.of("head", "heads", "base");

    /** Sorted, which gives deterministic iteration and prefix lookup through {@code subMap}. */
    private final NavigableMap<String, RevisionNode> nodes;
    /** Parents and depends-on of a revision, deduplicated and sorted. */
    private final Map<String, List<String>> prerequisites;
    /** Parents of a revision, deduplicated and sorted: the edges that decide heads. */
    private final Map<String, List<String>> parentLinks;
    /** Revisions naming a revision as a parent, sorted. */
    private final Map<String, List<String>> children;
    /** Revisions naming a revision in depends-on, sorted. */
    private final Map<String, List<String>> dependents;
    /** Children and dependents together: the reverse of {@link #prerequisites}. */
    private final Map<String, List<String>> successors;
    private final Map<String, String> labelOwners;
    private final List<String> order;
    private final Map<String, Integer> position;
    private final List<RevisionNode> heads;
    private final List<RevisionNode> bases;
    private final Planner planner;
    /** How the user names commands, for the advice in this graph's errors. */
    private final Spelling spelling;

    /**
     * @throws RevisionGraphException (a {@link DuplicateRevisionException}, {@link
     *         MissingParentException}, {@link InvalidBranchLabelException} or {@link
     *         RevisionCycleException}) when the revisions cannot form a history
     */
    public RevisionGraph(Collection<RevisionNode> revisions) {
        this(revisions, Spelling.LIBRARY);
    }

    /** As {@link #RevisionGraph(Collection)}, its errors advising in {@code spelling}. */
    public RevisionGraph(Collection<RevisionNode> revisions, Spelling spelling) {
        this.spelling = spelling;
        this.nodes = indexById(revisions);
        checkReferencesExist();
        this.labelOwners = indexLabels();
        this.prerequisites = new HashMap<>();
        this.parentLinks = new HashMap<>();
        this.children = new HashMap<>();
        this.dependents = new HashMap<>();
        this.successors = new HashMap<>();
        for (String id : nodes.keySet()) {
            children.put(id, new ArrayList<>());
            dependents.put(id, new ArrayList<>());
            successors.put(id, new ArrayList<>());
        }
        // Iterating in id order fills every reverse list already sorted.
        for (RevisionNode node : nodes.values()) {
            List<String> parents = sortedDistinct(node.parents());
            List<String> dependsOn = sortedDistinct(node.dependsOn());
            List<String> before = dependsOn.isEmpty() ? parents : sortedDistinct(parents, dependsOn);
            prerequisites.put(node.id(), before);
            parentLinks.put(node.id(), parents);
            for (String parent : parents) {
                children.get(parent).add(node.id());
            }
            for (String dependency : dependsOn) {
                dependents.get(dependency).add(node.id());
            }
            for (String prerequisite : before) {
                successors.get(prerequisite).add(node.id());
            }
        }
        this.order = List.copyOf(TopologicalSort.order(nodes.navigableKeySet(), prerequisites, successors));
        this.position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        this.heads = nodes.values().stream().filter(node -> children.get(node.id()).isEmpty()).toList();
        this.bases = nodes.values().stream().filter(RevisionNode::isBase).toList();
        this.planner = new Planner(this);
    }

    /**
     * The ids sorted, without repeats. Almost every revision has one parent and no depends-on:
     * those lists are returned as they are, which at thousands of revisions spares a cold JVM
     * three sorted sets per revision.
     */
    @SafeVarargs
    private static List<String> sortedDistinct(List<String>... lists) {
        if (lists.length == 1 && lists[0].size() < 2) {
            return List.copyOf(lists[0]);
        }
        TreeSet<String> ids = new TreeSet<>();
        for (List<String> list : lists) {
            ids.addAll(list);
        }
        return List.copyOf(ids);
    }

    Spelling spelling() {
        return spelling;
    }

    public static RevisionGraph of(RevisionNode... revisions) {
        return new RevisionGraph(List.of(revisions));
    }

    private static NavigableMap<String, RevisionNode> indexById(Collection<RevisionNode> revisions) {
        NavigableMap<String, RevisionNode> byId = new TreeMap<>();
        Set<String> duplicates = new TreeSet<>();
        for (RevisionNode node : revisions) {
            checkUsableId(node.id());
            if (byId.putIfAbsent(node.id(), node) != null) {
                duplicates.add(node.id());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new DuplicateRevisionException(List.copyOf(duplicates));
        }
        return byId;
    }

    /**
     * Whether an id would read as something else in the target grammar (a keyword, a relative
     * step, a branch or range): ids are also typed as targets, so no revision may have one.
     */
    public static boolean readsAsTarget(String id) {
        return KEYWORDS.contains(id) || id.startsWith("+") || id.startsWith("-")
                || id.contains("@") || id.contains(":") || hasWhitespace(id);
    }

    private static void checkUsableId(String id) {
        if (id == null || id.isBlank()) {
            throw new RevisionGraphException("A migration has a blank revision id; give it a 12-character hex id.");
        }
        if (readsAsTarget(id)) {
            throw new RevisionGraphException("Revision id '" + id + "' cannot be told apart from a target"
                    + " (head, heads, base, +N, -N, x@head, a:b); give that migration a 12-character hex id.");
        }
    }

    /** A plain loop: every id is checked on every run, and a stream per id costs a cold JVM. */
    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private void checkReferencesExist() {
        List<MissingParentException> problems = new ArrayList<>();
        for (RevisionNode node : nodes.values()) {
            for (String parent : node.parents()) {
                if (!nodes.containsKey(parent)) {
                    problems.add(new MissingParentException(node.id(), parent, false, 0));
                }
            }
            for (String dependency : node.dependsOn()) {
                if (!nodes.containsKey(dependency)) {
                    problems.add(new MissingParentException(node.id(), dependency, true, 0));
                }
            }
        }
        if (!problems.isEmpty()) {
            MissingParentException first = problems.get(0);
            boolean dependsOn = !nodes.get(first.revision()).parents().contains(first.missing());
            throw new MissingParentException(first.revision(), first.missing(), dependsOn, problems.size() - 1);
        }
    }

    /**
     * A branch label must read as a name in a target ({@code billing@head}) and in the lists the
     * revision indexes write (comma-separated): checked where a revision is read, before it is
     * cached or shipped, and again here for revisions built by other means.
     */
    public static void requireUsableLabel(String label, String revision) {
        if (label == null || label.isBlank() || KEYWORDS.contains(label) || label.contains("@")
                || label.contains(":") || label.contains(",") || label.startsWith("+") || label.startsWith("-")
                || hasWhitespace(label)) {
            throw new InvalidBranchLabelException("Branch label '" + label + "' of revision " + revision
                    + " cannot be used as a target; use a plain name such as 'billing'"
                    + " (not head, heads, base, and without '@', ':', ',', spaces or a leading +/-).");
        }
    }

    private Map<String, String> indexLabels() {
        Map<String, String> owners = new HashMap<>();
        for (RevisionNode node : nodes.values()) {
            for (String label : node.branchLabels()) {
                requireUsableLabel(label, node.id());
                if (nodes.containsKey(label)) {
                    throw new InvalidBranchLabelException("Branch label '" + label + "' of revision " + node.id()
                            + " is also a revision id; rename the label.");
                }
                String owner = owners.putIfAbsent(label, node.id());
                if (owner != null && !owner.equals(node.id())) {
                    throw new InvalidBranchLabelException("Branch label '" + label + "' is declared by both "
                            + owner + " and " + node.id() + "; keep it on one revision.");
                }
            }
        }
        return Map.copyOf(owners);
    }

    // ---------------------------------------------------------------- lookup

    public int size() {
        return nodes.size();
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    /**
     * The revision with exactly this id.
     *
     * @throws UnknownRevisionException when there is none
     */
    public RevisionNode get(String id) {
        RevisionNode node = nodes.get(id);
        if (node == null) {
            throw UnknownRevisionException.target(id, spelling);
        }
        return node;
    }

    /** Every revision in topological order (the same list as {@link #topologicalOrder()}). */
    public List<RevisionNode> all() {
        return topologicalOrder();
    }

    /** Branch label to the id of the revision that declares it. */
    public Map<String, String> branchLabels() {
        return labelOwners;
    }

    /**
     * The revision a user means by {@code reference}, tried in this order: an exact id, a
     * branch label (the revision that declares it), {@code head} (the single head), {@code
     * x@head} (the single head at or after revision or label {@code x}, following parents),
     * and finally a unique id prefix of any length.
     *
     * @throws UnknownRevisionException    when nothing matches
     * @throws AmbiguousRevisionException  when a prefix matches several ids (all listed)
     * @throws MultipleHeadsException      for {@code head} / {@code x@head} when history has split there
     * @throws InvalidTargetException      for {@code heads}, {@code base}, {@code +N}, {@code -N},
     *                                     which are positions rather than one revision
     */
    public RevisionNode resolve(String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (nodes.containsKey(ref)) {
            return nodes.get(ref);
        }
        if (labelOwners.containsKey(ref)) {
            return nodes.get(labelOwners.get(ref));
        }
        Target target = Target.parse(ref);
        if (target instanceof Target.Head) {
            return head();
        }
        if (!(target instanceof Target.Revision)) {
            throw new InvalidTargetException("'" + ref + "' is not a single revision; give a revision id, a unique"
                    + " prefix of one, a branch label, or head.");
        }
        if (ref.endsWith("@head")) {
            String under = ref.substring(0, ref.length() - "@head".length());
            return headAtOrAfter(resolve(under), under);
        }
        return byPrefix(ref);
    }

    private RevisionNode byPrefix(String prefix) {
        // Every id starting with prefix sorts between prefix and prefix + the largest char.
        NavigableMap<String, RevisionNode> candidates = nodes.subMap(prefix, true, prefix + Character.MAX_VALUE, true);
        if (candidates.isEmpty()) {
            throw UnknownRevisionException.target(prefix, spelling);
        }
        if (candidates.size() > 1) {
            throw new AmbiguousRevisionException(prefix, List.copyOf(candidates.keySet()));
        }
        return candidates.firstEntry().getValue();
    }

    private RevisionNode headAtOrAfter(RevisionNode start, String under) {
        List<String> found = new ArrayList<>();
        for (String id : closure(List.of(start.id()), children, any -> true)) {
            if (children.get(id).isEmpty()) {
                found.add(id);
            }
        }
        Collections.sort(found);
        if (found.size() > 1) {
            throw new MultipleHeadsException(found, under, spelling);
        }
        return nodes.get(found.get(0));
    }

    /**
     * The ids a database is at after being stamped with {@code target}: {@code base} is none,
     * {@code heads} every head, anything else the one revision {@link #resolve} finds.
     */
    public Set<String> stampHeads(String target) {
        Target parsed = Target.parse(target);
        if (parsed instanceof Target.Base) {
            return Set.of();
        }
        if (parsed instanceof Target.Heads) {
            return sortedSet(heads.stream().map(RevisionNode::id).toList());
        }
        if (parsed instanceof Target.Relative) {
            throw new InvalidTargetException("Cannot stamp '" + target.strip() + "': stamp needs head, heads, base"
                    + " or a revision id.");
        }
        return Set.of(resolve(target).id());
    }

    /**
     * The position after stamping {@code target} (from {@link #stampHeads}) over {@code current},
     * as Alembic's stamp leaves it: each stamped revision replaces the recorded heads of its own
     * line (its ancestors and descendants), and the heads of other branches stay; stamping base
     * empties the position.
     */
    public Set<String> stampedPosition(Collection<String> current, Set<String> target) {
        if (target.isEmpty()) {
            return Set.of();
        }
        List<String> kept = new ArrayList<>(target);
        for (String head : current) {
            boolean sameLine = target.stream().anyMatch(stamped -> stamped.equals(head)
                    || isAncestor(head, stamped) || isAncestor(stamped, head));
            if (!sameLine) {
                kept.add(head);
            }
        }
        return normalizeHeads(kept);
    }

    // ---------------------------------------------------------------- structure

    /** Revisions that are nobody's parent, sorted by id. Being depended on does not stop a revision being a head. */
    public List<RevisionNode> heads() {
        return heads;
    }

    /**
     * The single head.
     *
     * @throws MultipleHeadsException   naming all heads when history has split
     * @throws RevisionGraphException   when there are no revisions at all
     */
    public RevisionNode head() {
        if (heads.isEmpty()) {
            throw new RevisionGraphException("There are no revisions yet; create one with '"
                    + spelling.command("revision", "message", "...") + "'.");
        }
        if (heads.size() > 1) {
            throw new MultipleHeadsException(heads.stream().map(RevisionNode::id).toList(), null, spelling);
        }
        return heads.get(0);
    }

    /** Revisions without parents, sorted by id (a revision with only depends-on is still a base). */
    public List<RevisionNode> bases() {
        return bases;
    }

    public boolean isHead(String id) {
        return children.get(get(id).id()).isEmpty();
    }

    /** Revisions that name {@code id} as a parent, sorted by id. */
    public List<RevisionNode> children(String id) {
        return nodesOf(children.get(get(id).id()));
    }

    /** Revisions that name {@code id} in their depends-on, sorted by id. */
    public List<RevisionNode> dependents(String id) {
        return nodesOf(dependents.get(get(id).id()));
    }

    /** A revision with two or more children: history splits there. */
    public boolean isBranchPoint(String id) {
        return children.get(get(id).id()).size() > 1;
    }

    /** A revision with two or more parents: it joins branches. */
    public boolean isMerge(String id) {
        return get(id).isMerge();
    }

    /** Every branch point, in topological order. */
    public List<RevisionNode> branchPoints() {
        return order.stream().filter(id -> children.get(id).size() > 1).map(nodes::get).toList();
    }

    /**
     * Everything that must be applied before {@code id} (parents and depends-on, transitively),
     * without {@code id} itself, in the order it would be applied.
     */
    public List<RevisionNode> ancestors(String id) {
        Set<String> found = closure(prerequisites.get(get(id).id()), prerequisites, any -> true);
        return inOrder(found);
    }

    /** Everything that needs {@code id} (through parents or depends-on), without {@code id}, in topological order. */
    public List<RevisionNode> descendants(String id) {
        Set<String> found = closure(successors.get(get(id).id()), successors, any -> true);
        return inOrder(found);
    }

    /** True when {@code descendant} needs {@code ancestor} first, through parents or depends-on. */
    public boolean isAncestor(String ancestor, String descendant) {
        get(ancestor);
        return !ancestor.equals(descendant) && reachesBack(prerequisites.get(get(descendant).id()), ancestor, prerequisites);
    }

    /** All revisions, every one after its parents and depends-on; see {@link TopologicalSort} for the tie-break rule. */
    public List<RevisionNode> topologicalOrder() {
        return order.stream().map(nodes::get).toList();
    }

    // ---------------------------------------------------------------- history

    /** All revisions newest first: the reverse of {@link #topologicalOrder()}. */
    public List<RevisionNode> history() {
        return newestFirst(order);
    }

    /**
     * Revisions in a {@code -Drange=a:b}, newest first. Either side may be left out ({@code :b},
     * {@code a:}, {@code :}); blank or null means all revisions.
     *
     * @see #history(String, String)
     */
    public List<RevisionNode> history(String range) {
        if (range == null || range.isBlank()) {
            return history();
        }
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new InvalidTargetException("Range '" + range.strip() + "' has no colon: write it as a:b, :b or a:.");
        }
        return history(range.substring(0, colon), range.substring(colon + 1));
    }

    /**
     * Revisions from {@code from} up to {@code to}, both included, newest first: those that are
     * {@code from} or come after it, and are {@code to} or come before it. A null or blank side
     * is open; {@code base} as {@code from} and {@code head}/{@code heads} as {@code to} also
     * mean open. Other values are resolved like {@link #resolve}.
     *
     * @throws InvalidTargetException when {@code from} does not come before {@code to}
     */
    public List<RevisionNode> history(String from, String to) {
        String lower = from == null || from.isBlank() || from.strip().equals("base") ? null : resolve(from).id();
        String upper = to == null || to.isBlank() || to.strip().equals("head") || to.strip().equals("heads")
                ? null : resolve(to).id();
        Set<String> wanted;
        if (lower == null && upper == null) {
            return history();
        } else if (lower == null) {
            wanted = closure(List.of(upper), prerequisites, any -> true);
        } else if (upper == null) {
            wanted = closure(List.of(lower), successors, any -> true);
        } else {
            if (!lower.equals(upper) && !isAncestor(lower, upper)) {
                throw new InvalidTargetException("Range '" + from.strip() + ":" + to.strip() + "' is empty: " + lower
                        + " does not come before " + upper + "; put the older revision on the left of the colon.");
            }
            Set<String> upTo = closure(List.of(upper), prerequisites, any -> true);
            // Every revision between lower and upper lies on a path that stays within upTo.
            wanted = closure(List.of(lower), successors, upTo::contains);
        }
        return newestFirst(inOrderIds(wanted));
    }

    // ---------------------------------------------------------------- database position

    /**
     * Every revision the database has applied when its version table holds {@code currentHeads},
     * in the order they were applied.
     *
     * @throws UnknownRevisionException when the database names a revision no migration defines
     */
    public Set<String> applied(Collection<String> currentHeads) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(inOrderIds(appliedIds(currentHeads))));
    }

    /** Revisions not yet applied, in the order they would be applied. */
    public List<RevisionNode> pending(Collection<String> currentHeads) {
        Set<String> applied = appliedIds(currentHeads);
        return order.stream().filter(id -> !applied.contains(id)).map(nodes::get).toList();
    }

    public int pendingCount(Collection<String> currentHeads) {
        return nodes.size() - appliedIds(currentHeads).size();
    }

    /**
     * The revisions to apply to move from {@code currentHeads} to {@code target}, in the order to
     * apply them; empty when the target is already applied. Targets:
     * <ul>
     *   <li>{@code head}: the single head ({@link MultipleHeadsException} when there are several;
     *       an empty plan when there are no revisions);</li>
     *   <li>{@code heads}: every head;</li>
     *   <li>an id, unique prefix, branch label or {@code x@head}: that revision and everything it needs;</li>
     *   <li>{@code +N}: N revisions, one at a time, each the only pending revision whose
     *       parents and depends-on are all applied; where several are ready (history branches)
     *       it fails asking for an id, and it fails when fewer than N are pending;</li>
     *   <li>{@code base}: nothing (an empty plan).</li>
     * </ul>
     *
     * @throws InvalidTargetException for {@code -N} and for the {@code +N} failures above
     */
    public List<RevisionNode> upgradePlan(Collection<String> currentHeads, String target) {
        return planner.upgrade(currentHeads, target);
    }

    /**
     * The revisions to undo to move from {@code currentHeads} down to {@code target}, newest
     * first; only revisions that are applied. Targets:
     * <ul>
     *   <li>{@code base}: every applied revision;</li>
     *   <li>{@code -N}: N revisions, one at a time, each the only applied revision nothing
     *       applied needs; fails when fewer than N are applied or where several are newest
     *       (branches);</li>
     *   <li>an id, unique prefix, branch label or {@code x@head}: every applied revision that
     *       needs it, leaving the target itself applied (empty when nothing applied needs it).</li>
     * </ul>
     *
     * @throws InvalidTargetException for {@code +N}, {@code head}, {@code heads}, and a revision
     *                                that is not applied: none of them is below the current position
     */
    public List<RevisionNode> downgradePlan(Collection<String> currentHeads, String target) {
        return planner.downgrade(currentHeads, target);
    }

    /**
     * The version-table heads after applying {@code appliedId}: it replaces the current heads
     * that are its ancestors through parents. A current head it only depends on stays, since it
     * is still the tip of its own line (as in Alembic).
     *
     * @throws RevisionGraphException when {@code appliedId} is already applied or something it
     *                                needs is not
     */
    public Set<String> headsAfterUpgrade(Collection<String> currentHeads, String appliedId) {
        String id = get(appliedId).id();
        checkKnown(currentHeads);
        int floor = prerequisites.get(id).stream().mapToInt(position::get).min().orElse(position.get(id));
        Set<String> applied = new HashSet<>();
        cover(currentHeads, floor, prerequisites, applied);
        if (applied.contains(id)) {
            throw new RevisionGraphException("Revision " + id + " is already applied; it cannot be applied again.");
        }
        for (String needed : prerequisites.get(id)) {
            if (!applied.contains(needed)) {
                throw new RevisionGraphException("Revision " + id + " needs " + needed
                        + " applied first; apply it through upgradePlan, which orders them.");
            }
        }
        int lowestHead = currentHeads.stream().mapToInt(position::get).min().orElse(position.get(id));
        Set<String> replaced = new HashSet<>();
        cover(parentLinks.get(id), lowestHead, parentLinks, replaced);
        Set<String> after = new TreeSet<>(currentHeads);
        after.removeAll(replaced);
        after.add(id);
        return Collections.unmodifiableSet(after);
    }

    /**
     * The version-table heads after undoing {@code undoneId}, which must be a current head that
     * no other applied revision needs: it is removed, and each of its parents and depends-on
     * revisions comes back as a head unless another remaining head already needs it.
     *
     * @throws RevisionGraphException when {@code undoneId} is not a current head, or another
     *                                applied revision still needs it
     */
    public Set<String> headsAfterDowngrade(Collection<String> currentHeads, String undoneId) {
        String id = get(undoneId).id();
        checkKnown(currentHeads);
        if (!currentHeads.contains(id)) {
            throw new RevisionGraphException("Revision " + id + " is not a current head of the database; undo the"
                    + " revisions after it first (downgradePlan orders them).");
        }
        List<String> remaining = currentHeads.stream().filter(head -> !head.equals(id)).sorted().toList();
        int floor = prerequisites.get(id).stream().mapToInt(position::get).min().orElse(position.get(id));
        Set<String> stillApplied = new HashSet<>();
        cover(remaining, floor, prerequisites, stillApplied);
        if (stillApplied.contains(id)) {
            List<String> needing = remaining.stream()
                    .filter(head -> reachesBack(prerequisites.get(head), id, prerequisites)).toList();
            throw new RevisionGraphException("Revision " + id + " cannot be undone while " + String.join(", ", needing)
                    + " is applied and needs it; undo that first (downgradePlan orders them).");
        }
        Set<String> after = new TreeSet<>(remaining);
        // Newest first, so an older candidate is checked against a newer one that came back.
        for (String candidate : newestFirstIds(prerequisites.get(id))) {
            if (!stillApplied.contains(candidate)) {
                after.add(candidate);
                cover(List.of(candidate), floor, prerequisites, stillApplied);
            }
        }
        return Collections.unmodifiableSet(after);
    }

    /**
     * The given revisions without those that are a parent-line ancestor of another one: what the
     * version table stores for that position (used by stamp). Accepts anything {@link #resolve}
     * does. Sorted by id.
     */
    public Set<String> normalizeHeads(Collection<String> revisions) {
        Set<String> ids = new TreeSet<>();
        for (String revision : revisions) {
            ids.add(resolve(revision).id());
        }
        List<String> starts = new ArrayList<>();
        for (String id : ids) {
            starts.addAll(nodes.get(id).parents());
        }
        Set<String> covered = closure(starts, parentLinks, any -> true);
        ids.removeAll(covered);
        return Collections.unmodifiableSet(ids);
    }

    // ---------------------------------------------------------------- package-private, for Planner

    List<String> order() {
        return order;
    }

    int position(String id) {
        return position.get(id);
    }

    RevisionNode node(String id) {
        return nodes.get(id);
    }

    List<String> prerequisitesOf(String id) {
        return prerequisites.get(id);
    }

    List<String> successorsOf(String id) {
        return successors.get(id);
    }

    Map<String, List<String>> prerequisitesMap() {
        return prerequisites;
    }

    Map<String, List<String>> successorsMap() {
        return successors;
    }

    /** The applied set, unordered; callers order what they return. */
    Set<String> appliedIds(Collection<String> currentHeads) {
        checkKnown(currentHeads);
        return closure(currentHeads, prerequisites, any -> true);
    }

    /**
     * The starts and everything reachable from them along {@code edges}, visiting only
     * revisions {@code allowed} accepts. Iterative so a long chain cannot overflow the stack.
     */
    Set<String> closure(Collection<String> starts, Map<String, List<String>> edges, Predicate<String> allowed) {
        Set<String> seen = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        for (String start : starts) {
            if (allowed.test(start) && seen.add(start)) {
                toVisit.push(start);
            }
        }
        while (!toVisit.isEmpty()) {
            for (String next : edges.get(toVisit.pop())) {
                if (allowed.test(next) && seen.add(next)) {
                    toVisit.push(next);
                }
            }
        }
        return seen;
    }

    /** Whether walking {@code edges} back from {@code from} (inclusive) reaches {@code target}. */
    boolean reachesBack(Collection<String> from, String target, Map<String, List<String>> edges) {
        Set<String> reached = new HashSet<>();
        cover(from, position.get(target), edges, reached);
        return reached.contains(target);
    }

    /**
     * Adds to {@code covered} the revisions reachable from {@code from} (inclusive) along
     * {@code edges}, only those at or after {@code floor} in topological order. Every edge leads
     * to an earlier revision, so nothing before the floor can lead back above it: a walk that
     * only needs recent revisions stays short. Revisions already covered are not walked again,
     * which keeps repeated calls sharing one set linear overall.
     */
    private void cover(Collection<String> from, int floor, Map<String, List<String>> edges, Set<String> covered) {
        Deque<String> toVisit = new ArrayDeque<>();
        for (String start : from) {
            if (position.get(start) >= floor && covered.add(start)) {
                toVisit.push(start);
            }
        }
        while (!toVisit.isEmpty()) {
            for (String next : edges.get(toVisit.pop())) {
                if (position.get(next) >= floor && covered.add(next)) {
                    toVisit.push(next);
                }
            }
        }
    }

    List<String> inOrderIds(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparingInt(position::get));
        return sorted;
    }

    List<RevisionNode> inOrder(Collection<String> ids) {
        return nodesOf(inOrderIds(ids));
    }

    List<RevisionNode> newestFirst(List<String> orderedIds) {
        List<RevisionNode> result = new ArrayList<>(orderedIds.size());
        for (int i = orderedIds.size() - 1; i >= 0; i--) {
            result.add(nodes.get(orderedIds.get(i)));
        }
        return Collections.unmodifiableList(result);
    }

    private List<String> newestFirstIds(Collection<String> ids) {
        List<String> sorted = inOrderIds(ids);
        Collections.reverse(sorted);
        return sorted;
    }

    private void checkKnown(Collection<String> currentHeads) {
        for (String head : new TreeSet<>(currentHeads)) {
            if (!nodes.containsKey(head)) {
                throw UnknownRevisionException.inDatabase(head, spelling);
            }
        }
    }

    private List<RevisionNode> nodesOf(List<String> ids) {
        return ids.stream().map(nodes::get).toList();
    }

    private static Set<String> sortedSet(Collection<String> ids) {
        return Collections.unmodifiableSet(new TreeSet<>(ids));
    }
}
