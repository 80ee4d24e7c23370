package dev.migrations.engine.graph;

import dev.migrations.engine.MigrationException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import dev.migrations.engine.Spelling;
import dev.migrations.maven.MavenSpelling;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionGraphTest {

    // ------------------------------------------------------------------ fixtures

    private static RevisionNode rev(String id, String... parents) {
        return RevisionNode.of(id, parents);
    }

    private static RevisionNode rev(String id, List<String> parents, List<String> dependsOn, String... labels) {
        return new RevisionNode(id, parents, dependsOn, List.of(labels), "");
    }

    private static List<String> ids(Collection<RevisionNode> nodes) {
        return nodes.stream().map(RevisionNode::id).toList();
    }

    /** r0 <- r1 <- r2 */
    /** The goals' spelling: these tests hold the messages Maven users read. */
    private static final Spelling MAVEN = new MavenSpelling();

    private static RevisionGraph graph(RevisionNode... revisions) {
        return new RevisionGraph(List.of(revisions), MAVEN);
    }

    private static RevisionGraph chain(int length) {
        List<RevisionNode> nodes = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            nodes.add(i == 0 ? rev(chainId(0)) : rev(chainId(i), chainId(i - 1)));
        }
        return new RevisionGraph(nodes, MAVEN);
    }

    private static String chainId(int i) {
        return String.format("c%05d", i);
    }

    /**
     * <pre>
     *        a1 - a2
     *      /
     *  aa
     *      \
     *        b1 - b2
     * </pre>
     */
    private static final RevisionNode AA = rev("aa");
    private static final RevisionNode A1 = rev("a1", "aa");
    private static final RevisionNode A2 = rev("a2", "a1");
    private static final RevisionNode B1 = rev("b1", "aa");
    private static final RevisionNode B2 = rev("b2", "b1");
    private static final RevisionNode MM = rev("mm", "a2", "b2");

    private static RevisionGraph branched() {
        return graph(AA, A1, A2, B1, B2);
    }

    private static RevisionGraph merged() {
        return graph(AA, A1, A2, B1, B2, MM);
    }

    /** Branches as {@link #branched()}, but b2 also depends on a2 across the branches. */
    private static RevisionGraph crossDependency() {
        return graph(AA, A1, A2, B1, rev("b2", List.of("b1"), List.of("a2")));
    }

    /** Every failure must be one line the user can act on. */
    private static AbstractThrowableAssert<?, ? extends Throwable> failsWith(Class<? extends MigrationException> type,
                                                                             Executable call) {
        return assertThatThrownBy(call::execute)
                .isInstanceOf(type)
                .isInstanceOf(MigrationException.class)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
    }

    // ------------------------------------------------------------------ structure

    @Nested
    class Structure {
        @Test
        void emptyGraphHasNothingAndPlansNothing() {
            RevisionGraph graph = new RevisionGraph(List.of(), MAVEN);

            assertThat(graph.isEmpty()).isTrue();
            assertThat(graph.heads()).isEmpty();
            assertThat(graph.bases()).isEmpty();
            assertThat(graph.all()).isEmpty();
            assertThat(graph.history()).isEmpty();
            assertThat(graph.upgradePlan(Set.of(), "head")).isEmpty();
            assertThat(graph.upgradePlan(Set.of(), "heads")).isEmpty();
            assertThat(graph.downgradePlan(Set.of(), "base")).isEmpty();
            failsWith(RevisionGraphException.class, graph::head).hasMessageContaining("no revisions yet");
        }

        @Test
        void linearChainHasOneHeadAndOneBase() {
            RevisionGraph graph = chain(3);

            assertThat(ids(graph.heads())).containsExactly("c00002");
            assertThat(ids(graph.bases())).containsExactly("c00000");
            assertThat(ids(graph.topologicalOrder())).containsExactly("c00000", "c00001", "c00002");
            assertThat(graph.head().id()).isEqualTo("c00002");
            assertThat(graph.size()).isEqualTo(3);
            assertThat(graph.contains("c00001")).isTrue();
            assertThat(graph.contains("c0000")).isFalse();
        }

        @Test
        void severalBasesAreAllListedSortedById() {
            RevisionGraph graph = graph(rev("z1"), rev("y1"), rev("y2", "y1"));

            assertThat(ids(graph.bases())).containsExactly("y1", "z1");
            assertThat(ids(graph.heads())).containsExactly("y2", "z1");
        }

        @Test
        void branchPointHasTwoChildrenAndTwoHeads() {
            RevisionGraph graph = branched();

            assertThat(graph.isBranchPoint("aa")).isTrue();
            assertThat(graph.isBranchPoint("a1")).isFalse();
            assertThat(ids(graph.branchPoints())).containsExactly("aa");
            assertThat(ids(graph.children("aa"))).containsExactly("a1", "b1");
            assertThat(ids(graph.heads())).containsExactly("a2", "b2");
            assertThat(graph.isHead("a2")).isTrue();
            assertThat(graph.isHead("a1")).isFalse();
        }

        @Test
        void mergeJoinsBranchesIntoOneHead() {
            RevisionGraph graph = merged();

            assertThat(graph.isMerge("mm")).isTrue();
            assertThat(graph.isMerge("a2")).isFalse();
            assertThat(ids(graph.heads())).containsExactly("mm");
            // One branch is kept together before the other starts, and the merge comes last.
            assertThat(ids(graph.topologicalOrder())).containsExactly("aa", "a1", "a2", "b1", "b2", "mm");
            assertThat(ids(graph.ancestors("mm"))).containsExactly("aa", "a1", "a2", "b1", "b2");
            assertThat(ids(graph.descendants("a1"))).containsExactly("a2", "mm");
        }

        @Test
        void aParentListedTwiceIsOneParentNotAMerge() {
            RevisionGraph graph = graph(rev("aa"), rev("a1", "aa", "aa"));

            assertThat(graph.isMerge("a1")).isFalse();
            assertThat(graph.get("a1").parents()).containsExactly("aa");
        }

        @Test
        void mergeOfThreeBranches() {
            RevisionGraph graph = graph(rev("r0"), rev("x1", "r0"), rev("y1", "r0"), rev("z1", "r0"),
                    rev("m3", "z1", "x1", "y1"));

            assertThat(ids(graph.heads())).containsExactly("m3");
            assertThat(ids(graph.children("r0"))).containsExactly("x1", "y1", "z1");
            assertThat(ids(graph.topologicalOrder())).containsExactly("r0", "x1", "y1", "z1", "m3");
            assertThat(graph.upgradePlan(Set.of("y1"), "head")).extracting(RevisionNode::id)
                    .containsExactly("x1", "z1", "m3");
        }

        @Test
        void dependsOnOrdersAcrossBranchesButDoesNotEndAHead() {
            // b-line sorts first by id, so only the dependency can put a2 before b2.
            RevisionGraph graph = graph(rev("r0"), rev("b1", "r0"),
                    rev("b2", List.of("b1"), List.of("x2")), rev("x1", "r0"), rev("x2", "x1"));

            assertThat(ids(graph.heads())).containsExactly("b2", "x2");
            assertThat(ids(graph.dependents("x2"))).containsExactly("b2");
            assertThat(ids(graph.ancestors("b2"))).containsExactly("r0", "b1", "x1", "x2");
            assertThat(ids(graph.topologicalOrder())).containsExactly("r0", "b1", "x1", "x2", "b2");
            assertThat(graph.isAncestor("x2", "b2")).isTrue();
            assertThat(graph.isAncestor("b2", "x2")).isFalse();
        }

        @Test
        void topologicalOrderDoesNotDependOnInputOrder() {
            List<RevisionNode> nodes = new ArrayList<>(List.of(AA, A1, A2, B1, B2, MM, rev("n1", "mm"),
                    rev("k1", "aa"), rev("k2", List.of("k1"), List.of("b1")), rev("q0")));
            List<String> expected = ids(new RevisionGraph(nodes, MAVEN).topologicalOrder());
            List<String> newestFirst = new ArrayList<>(expected);
            Collections.reverse(newestFirst);
            Random random = new Random(42);
            for (int attempt = 0; attempt < 25; attempt++) {
                Collections.shuffle(nodes, random);
                RevisionGraph shuffled = new RevisionGraph(nodes, MAVEN);
                assertThat(ids(shuffled.topologicalOrder())).isEqualTo(expected);
                assertThat(ids(shuffled.history())).isEqualTo(newestFirst);
                assertThat(ids(shuffled.upgradePlan(Set.of(), "heads"))).isEqualTo(expected);
            }
            // b2 makes mm ready, and the line is followed before the smaller ready id k1 is taken.
            assertThat(expected).containsExactly("aa", "a1", "a2", "b1", "b2", "mm", "n1", "k1", "k2", "q0");
        }

        @Test
        void repeatedParentCountsOnce() {
            RevisionGraph graph = graph(rev("r0"), new RevisionNode("r1", List.of("r0", "r0"),
                    List.of("r0"), List.of(), "twice"));

            assertThat(ids(graph.children("r0"))).containsExactly("r1");
            assertThat(ids(graph.upgradePlan(Set.of(), "head"))).containsExactly("r0", "r1");
            assertThat(graph.headsAfterDowngrade(Set.of("r1"), "r1")).containsExactly("r0");
        }
    }

    // ------------------------------------------------------------------ validation

    @Nested
    class Validation {
        @Test
        void duplicateIdIsNamed() {
            failsWith(DuplicateRevisionException.class, () -> graph(rev("ab12"), rev("cd34", "ab12"),
                    rev("ab12")))
                    .hasMessage("Revision id ab12 is declared by more than one migration; give each migration its own"
                            + " revision id.")
                    .extracting(e -> ((DuplicateRevisionException) e).ids()).isEqualTo(List.of("ab12"));
        }

        @Test
        void severalDuplicateIdsAreAllNamedSorted() {
            failsWith(DuplicateRevisionException.class, () -> graph(rev("ff"), rev("ee"), rev("ff"),
                    rev("ee")))
                    .hasMessageStartingWith("Revision ids ee, ff are declared by more than one migration");
        }

        @Test
        void missingParentIsNamedWithTheRevisionThatNamesIt() {
            failsWith(MissingParentException.class, () -> graph(rev("r0"), rev("r1", "r0"),
                    rev("r2", "gone")))
                    .hasMessage("Revision r2 names parent gone, which does not exist: restore the missing migration"
                            + " or fix the parent id in r2.");
        }

        @Test
        void missingDependsOnIsNamedAsSuch() {
            failsWith(MissingParentException.class, () -> graph(rev("r0"),
                    rev("r1", List.of("r0"), List.of("elsewhere"))))
                    .hasMessageStartingWith("Revision r1 names depends-on revision elsewhere, which does not exist")
                    .hasMessageContaining("fix the depends-on id in r1");
        }

        @Test
        void moreMissingReferencesAreCounted() {
            failsWith(MissingParentException.class, () -> graph(rev("r1", "x"), rev("r2", "y", "z")))
                    .hasMessageStartingWith("Revision r1 names parent x")
                    .hasMessageEndingWith("(2 more missing references after that.)");
        }

        @Test
        void selfParentIsACycle() {
            failsWith(RevisionCycleException.class, () -> graph(rev("r0"), rev("r1", "r1")))
                    .hasMessageContaining("r1 -> r1;")
                    .extracting(e -> ((RevisionCycleException) e).cycle()).isEqualTo(List.of("r1"));
        }

        @Test
        void twoRevisionCycleIsNamed() {
            failsWith(RevisionCycleException.class, () -> graph(rev("r0"), rev("p1", "q1"),
                    rev("q1", "p1")))
                    .hasMessage("Revisions form a cycle through their parents/depends-on: p1 -> q1 -> p1; change a"
                            + " parent or depends-on id in one of them to break it.");
        }

        @Test
        void threeRevisionCycleIsNamedParentFirstAndNotItsDescendants() {
            // x1 comes after x3, which comes after x2, which comes after x1; d1 only hangs off the loop.
            failsWith(RevisionCycleException.class, () -> graph(rev("x1", "x3"), rev("x2", "x1"),
                    rev("x3", "x2"), rev("d1", "x2"), rev("r0")))
                    .hasMessageContaining(": x1 -> x2 -> x3 -> x1;")
                    .hasMessageNotContaining("d1");
        }

        @Test
        void cycleThroughDependsOnIsACycle() {
            failsWith(RevisionCycleException.class, () -> graph(rev("r0"),
                    rev("r1", List.of("r0"), List.of("r2")), rev("r2", "r1")))
                    .hasMessageContaining("r1 -> r2 -> r1");
        }

        @Test
        void branchLabelDeclaredTwiceIsRejected() {
            failsWith(InvalidBranchLabelException.class, () -> graph(
                    rev("r0", List.of(), List.of(), "billing"), rev("r1", List.of("r0"), List.of(), "billing")))
                    .hasMessage("Branch label 'billing' is declared by both r0 and r1; keep it on one revision.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"head", "heads", "base", "x@y", "a:b", "a,b", "-old", "two words"})
        void branchLabelThatReadsAsATargetIsRejected(String label) {
            failsWith(InvalidBranchLabelException.class, () -> graph(
                    rev("r0", List.of(), List.of(), label)))
                    .hasMessageStartingWith("Branch label '" + label + "' of revision r0 cannot be used as a target");
        }

        @ParameterizedTest
        @ValueSource(strings = {"head", "base", "+1", "a@head", "a:b", " "})
        void revisionIdThatReadsAsATargetIsRejected(String id) {
            failsWith(RevisionGraphException.class, () -> graph(rev(id)))
                    .hasMessageContaining("give");
        }
    }

    // ------------------------------------------------------------------ resolve

    @Nested
    class Resolve {
        private final RevisionGraph graph = graph(rev("ab12cd34ef56"), rev("ab99aa00bb11", "ab12cd34ef56"),
                rev("c0ffee000001", List.of("ab12cd34ef56"), List.of(), "billing"),
                rev("c0ffee000002", "c0ffee000001"), rev("ab1", "ab99aa00bb11"));

        @Test
        void exactId() {
            assertThat(graph.resolve("ab99aa00bb11").id()).isEqualTo("ab99aa00bb11");
            assertThat(graph.get("ab99aa00bb11").parents()).containsExactly("ab12cd34ef56");
        }

        @Test
        void exactIdWinsOverBeingAPrefixOfAnother() {
            assertThat(graph.resolve("ab1").id()).isEqualTo("ab1");
        }

        @ParameterizedTest
        @CsvSource({"ab12, ab12cd34ef56", "ab9, ab99aa00bb11", "c0ffee000002, c0ffee000002", " ab12c , ab12cd34ef56"})
        void uniquePrefixOfAnyLength(String prefix, String id) {
            assertThat(graph.resolve(prefix).id()).isEqualTo(id);
        }

        @Test
        void ambiguousPrefixListsEveryMatch() {
            failsWith(AmbiguousRevisionException.class, () -> graph.resolve("ab"))
                    .hasMessage("Revision prefix 'ab' is ambiguous: it matches ab1, ab12cd34ef56, ab99aa00bb11."
                            + " Give more characters of the id.");
        }

        @Test
        void unknownRevisionSaysWhatToGive() {
            failsWith(UnknownRevisionException.class, () -> graph.resolve("deadbeef"))
                    .hasMessage("No revision matches 'deadbeef': give a revision id, a unique prefix of one, or a"
                            + " branch label ('mvn migrations:history' lists them).");
            failsWith(UnknownRevisionException.class, () -> graph.get("ab12"));
        }

        @Test
        void branchLabelNamesTheRevisionDeclaringIt() {
            assertThat(graph.resolve("billing").id()).isEqualTo("c0ffee000001");
            assertThat(graph.branchLabels()).containsEntry("billing", "c0ffee000001");
        }

        @Test
        void labelAtHeadIsTheHeadOfThatBranch() {
            assertThat(graph.resolve("billing@head").id()).isEqualTo("c0ffee000002");
            assertThat(graph.resolve("ab99@head").id()).isEqualTo("ab1");
        }

        @Test
        void atHeadUnderABranchPointNamesTheHeads() {
            failsWith(MultipleHeadsException.class, () -> graph.resolve("ab12cd@head"))
                    .hasMessageStartingWith("Several heads under 'ab12cd': ab1, c0ffee000002; merge them");
        }

        @Test
        void headKeywordWithSeveralHeadsNamesThem() {
            failsWith(MultipleHeadsException.class, () -> graph.resolve("head"))
                    .hasMessage("Several heads: ab1, c0ffee000002; merge them with 'mvn migrations:merge"
                            + " -Dmessage=...' or upgrade to one with -Dtarget=<id>.")
                    .extracting(e -> ((MultipleHeadsException) e).heads()).isEqualTo(List.of("ab1", "c0ffee000002"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"heads", "base", "+1", "-2"})
        void positionsAreNotSingleRevisions(String target) {
            failsWith(InvalidTargetException.class, () -> graph.resolve(target))
                    .hasMessageContaining("is not a single revision");
        }

        @Test
        void stampHeadsTakesKeywordsAndRevisions() {
            assertThat(graph.stampHeads("base")).isEmpty();
            assertThat(graph.stampHeads("heads")).containsExactly("ab1", "c0ffee000002");
            assertThat(graph.stampHeads("c0ffee000001")).isEqualTo(Set.of("c0ffee000001"));
            assertThat(graph.stampHeads("billing@head")).isEqualTo(Set.of("c0ffee000002"));
            failsWith(InvalidTargetException.class, () -> graph.stampHeads("+1")).hasMessageContaining("stamp needs");
        }
    }

    // ------------------------------------------------------------------ upgrade

    @Nested
    class Upgrade {
        @Test
        void headFromEmptyDatabaseAppliesEverythingInOrder() {
            assertThat(ids(chain(4).upgradePlan(Set.of(), "head")))
                    .containsExactly("c00000", "c00001", "c00002", "c00003");
        }

        @Test
        void headFromTheMiddleAppliesTheRest() {
            assertThat(ids(chain(4).upgradePlan(Set.of("c00001"), "head"))).containsExactly("c00002", "c00003");
        }

        @Test
        void headWithSeveralHeadsFailsNamingBoth() {
            failsWith(MultipleHeadsException.class, () -> branched().upgradePlan(Set.of(), "head"))
                    .hasMessageStartingWith("Several heads: a2, b2; merge them with 'mvn migrations:merge");
        }

        @Test
        void anApplicationIsAdvisedInItsOwnWordsNotMavens() {
            RevisionGraph library = new RevisionGraph(List.of(AA, A1, A2, B1, B2));

            assertThatThrownBy(library::head).isInstanceOf(MultipleHeadsException.class)
                    .hasMessage("Several heads: a2, b2; merge them with 'the plugin's merge goal in the project' or"
                            + " upgrade to one with target \"<id>\".");
            assertThatThrownBy(() -> library.upgradePlan(Set.of(), "-1"))
                    .hasMessage("Target '-1' moves down; use 'downgrade(\"-1\")' instead.");
        }

        @Test
        void headsAppliesEveryBranch() {
            assertThat(ids(branched().upgradePlan(Set.of(), "heads"))).containsExactly("aa", "a1", "a2", "b1", "b2");
        }

        @Test
        void revisionTargetAppliesOnlyWhatItNeeds() {
            assertThat(ids(branched().upgradePlan(Set.of(), "b2"))).containsExactly("aa", "b1", "b2");
        }

        @Test
        void prefixAndLabelTargets() {
            RevisionGraph graph = graph(rev("0a1b2c3d4e5f"),
                    rev("9f8e7d6c5b4a", List.of("0a1b2c3d4e5f"), List.of(), "billing"),
                    rev("77aa77aa77aa", "9f8e7d6c5b4a"));

            assertThat(ids(graph.upgradePlan(Set.of(), "9f8"))).containsExactly("0a1b2c3d4e5f", "9f8e7d6c5b4a");
            assertThat(ids(graph.upgradePlan(Set.of("0a1b2c3d4e5f"), "billing"))).containsExactly("9f8e7d6c5b4a");
            assertThat(ids(graph.upgradePlan(Set.of(), "billing@head")))
                    .containsExactly("0a1b2c3d4e5f", "9f8e7d6c5b4a", "77aa77aa77aa");
        }

        @Test
        void unknownTargetFails() {
            failsWith(UnknownRevisionException.class, () -> chain(2).upgradePlan(Set.of(), "ffff"))
                    .hasMessageStartingWith("No revision matches 'ffff'");
        }

        @Test
        void theCurrentRevisionIsAnEmptyPlanAndOneBelowItIsRefused() {
            RevisionGraph graph = chain(3);

            assertThat(graph.upgradePlan(Set.of("c00002"), "c00002")).isEmpty();
            assertThat(graph.upgradePlan(Set.of("c00002"), "head")).isEmpty();
            assertThat(graph.upgradePlan(Set.of("c00002"), "base")).isEmpty();
            failsWith(InvalidTargetException.class, () -> graph.upgradePlan(Set.of("c00002"), "c00001"))
                    .hasMessage("Target 'c00001' is below the current revision (c00002); to go down to it, run"
                            + " 'mvn migrations:downgrade -Dtarget=c00001'.");
        }

        @Test
        void onBranchesOnlyARevisionBelowTheRecordedOnesIsRefused() {
            RevisionGraph graph = branched();

            assertThat(ids(graph.upgradePlan(Set.of("a2", "b1"), "b2"))).containsExactly("b2");
            assertThat(graph.upgradePlan(Set.of("a2", "b1"), "a2")).isEmpty();
            failsWith(InvalidTargetException.class, () -> graph.upgradePlan(Set.of("a2", "b1"), "a1"))
                    .hasMessageContaining("is below the current revision (a2, b1)");
            failsWith(InvalidTargetException.class, () -> graph.upgradePlan(Set.of("a2", "b1"), "aa"))
                    .hasMessageContaining("is below the current revision");
        }

        @Test
        void plusStepsFollowASingleLine() {
            RevisionGraph graph = chain(5);

            assertThat(ids(graph.upgradePlan(Set.of(), "+1"))).containsExactly("c00000");
            assertThat(ids(graph.upgradePlan(Set.of("c00001"), "+2"))).containsExactly("c00002", "c00003");
        }

        @Test
        void plusStepsPastTheHeadFailSayingHowManyArePending() {
            failsWith(InvalidTargetException.class, () -> chain(5).upgradePlan(Set.of("c00002"), "+3"))
                    .hasMessage("Target '+3' goes past the head: only 2 revisions are pending; use -Dtarget=heads to"
                            + " apply all that are.");
            failsWith(InvalidTargetException.class, () -> chain(2).upgradePlan(Set.of("c00001"), "+1"))
                    .hasMessageContaining("no revisions are pending");
        }

        @Test
        void plusStepsIntoABranchFailAskingForAnId() {
            RevisionGraph graph = branched();

            assertThat(ids(graph.upgradePlan(Set.of(), "+1"))).containsExactly("aa");
            failsWith(InvalidTargetException.class, () -> graph.upgradePlan(Set.of(), "+2"))
                    .hasMessage("Target '+2' is ambiguous: history branches at step 2, where a1, b1 could each come"
                            + " next; upgrade to a revision id instead (-Dtarget=<id>).");
        }

        @Test
        void plusStepsTakeTheOnlyReadyRevisionWhenOneBranchIsApplied() {
            assertThat(ids(merged().upgradePlan(Set.of("a2"), "+3"))).containsExactly("b1", "b2", "mm");
        }

        @Test
        void databaseAtOneOfTwoBranches() {
            RevisionGraph graph = merged();

            assertThat(ids(graph.upgradePlan(Set.of("a2"), "head"))).containsExactly("b1", "b2", "mm");
            assertThat(ids(graph.upgradePlan(Set.of("a1"), "b2"))).containsExactly("b1", "b2");
            assertThat(ids(graph.pending(Set.of("a2")))).containsExactly("b1", "b2", "mm");
            assertThat(graph.pendingCount(Set.of("a2", "b1"))).isEqualTo(2);
            assertThat(graph.applied(Set.of("a2", "b1"))).containsExactly("aa", "a1", "a2", "b1");
        }

        @Test
        void dependsOnPullsTheOtherBranchInFirst() {
            assertThat(ids(crossDependency().upgradePlan(Set.of(), "b2"))).containsExactly("aa", "a1", "a2", "b1", "b2");
            assertThat(ids(crossDependency().upgradePlan(Set.of("b1"), "b2"))).containsExactly("a1", "a2", "b2");
        }

        @Test
        void minusStepsAreNotAnUpgrade() {
            failsWith(InvalidTargetException.class, () -> chain(2).upgradePlan(Set.of("c00001"), "-1"))
                    .hasMessage("Target '-1' moves down; use 'mvn migrations:downgrade -Dtarget=-1' instead.");
        }

        @Test
        void databaseAtAnUnknownRevisionFails() {
            failsWith(UnknownRevisionException.class, () -> chain(2).upgradePlan(Set.of("feedfeed"), "head"))
                    .hasMessageStartingWith("The database is at revision feedfeed, which no migration defines")
                    .hasMessageContaining("migrations:stamp");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "+      | is not a number of steps",
                "+x1    | is not a number of steps",
                "+0     | moves nowhere",
                "+99999999999 | too many steps",
                "'  '   | No target given"})
        void malformedTargetsSayHowToWriteThem(String target, String fragment) {
            failsWith(InvalidTargetException.class, () -> chain(2).upgradePlan(Set.of(), target))
                    .hasMessageContaining(fragment);
        }
    }

    // ------------------------------------------------------------------ downgrade

    @Nested
    class Downgrade {
        @Test
        void minusStepsGoBackNewestFirst() {
            RevisionGraph graph = chain(4);

            assertThat(ids(graph.downgradePlan(Set.of("c00003"), "-1"))).containsExactly("c00003");
            assertThat(ids(graph.downgradePlan(Set.of("c00003"), "-3"))).containsExactly("c00003", "c00002", "c00001");
        }

        @Test
        void minusStepsBelowBaseFailSayingHowManyAreApplied() {
            failsWith(InvalidTargetException.class, () -> chain(4).downgradePlan(Set.of("c00002"), "-4"))
                    .hasMessage("Target '-4' goes below base: only 3 revisions are applied; use -Dtarget=base to undo"
                            + " all that are.");
            failsWith(InvalidTargetException.class, () -> chain(4).downgradePlan(Set.of(), "-1"))
                    .hasMessageContaining("no revisions are applied");
        }

        @Test
        void baseUndoesEverythingAppliedNewestFirst() {
            assertThat(ids(merged().downgradePlan(Set.of("mm"), "base")))
                    .containsExactly("mm", "b2", "b1", "a2", "a1", "aa");
            assertThat(ids(merged().downgradePlan(Set.of("a1", "b1"), "base"))).containsExactly("b1", "a1", "aa");
        }

        @Test
        void revisionTargetUndoesWhatComesAfterItAndLeavesItApplied() {
            RevisionGraph graph = merged();

            assertThat(ids(graph.downgradePlan(Set.of("mm"), "a1"))).containsExactly("mm", "a2");
            assertThat(ids(graph.downgradePlan(Set.of("mm"), "aa"))).containsExactly("mm", "b2", "b1", "a2", "a1");
            assertThat(ids(graph.downgradePlan(Set.of("a2", "b2"), "b1"))).containsExactly("b2");
        }

        @Test
        void targetAtTheCurrentRevisionIsAnEmptyPlan() {
            assertThat(chain(3).downgradePlan(Set.of("c00002"), "c00002")).isEmpty();
        }

        @Test
        void undoingADependencyUndoesWhatDependsOnIt() {
            assertThat(ids(crossDependency().downgradePlan(Set.of("a2", "b2"), "a1"))).containsExactly("b2", "a2");
        }

        @Test
        void plusStepsAreNotBelowTheCurrentRevision() {
            failsWith(InvalidTargetException.class, () -> chain(3).downgradePlan(Set.of("c00001"), "+1"))
                    .hasMessage("Target '+1' is not below the current revision; use 'mvn migrations:upgrade"
                            + " -Dtarget=+1' to move up.");
        }

        @Test
        void unappliedRevisionIsNotBelowTheCurrentRevision() {
            failsWith(InvalidTargetException.class, () -> chain(3).downgradePlan(Set.of("c00000"), "c00002"))
                    .hasMessage("Target 'c00002' is not below the current revision: c00002 is not applied (the"
                            + " database is at c00000); use 'mvn migrations:upgrade -Dtarget=c00002' to move up to it.");
            failsWith(InvalidTargetException.class, () -> branched().downgradePlan(Set.of("a2"), "b1"))
                    .hasMessageContaining("b1 is not applied (the database is at a2)");
            failsWith(InvalidTargetException.class, () -> chain(3).downgradePlan(Set.of(), "c00000"))
                    .hasMessageContaining("the database is at base, nothing applied");
        }

        @ParameterizedTest
        @ValueSource(strings = {"head", "heads"})
        void headKeywordsAreNotBelow(String target) {
            failsWith(InvalidTargetException.class, () -> chain(3).downgradePlan(Set.of("c00002"), target))
                    .hasMessageContaining("is not below the current revision; downgrade to -N, base, or a revision id");
        }

        @Test
        void minusStepsAcrossTwoAppliedHeadsFailAskingForAnId() {
            failsWith(InvalidTargetException.class, () -> branched().downgradePlan(Set.of("a2", "b2"), "-1"))
                    .hasMessage("Target '-1' is ambiguous: history branches at step 1, where a2, b2 are each the"
                            + " newest applied revision; downgrade to a revision id instead (-Dtarget=<id>).");
            assertThat(ids(merged().downgradePlan(Set.of("mm"), "-1"))).containsExactly("mm");
            failsWith(InvalidTargetException.class, () -> merged().downgradePlan(Set.of("mm"), "-2"))
                    .hasMessageContaining("at step 2, where a2, b2");
        }
    }

    // ------------------------------------------------------------------ version-table heads

    @Nested
    class HeadMaintenance {
        @Test
        void upgradeReplacesItsParent() {
            assertThat(chain(3).headsAfterUpgrade(Set.of("c00000"), "c00001")).containsExactly("c00001");
            assertThat(chain(3).headsAfterUpgrade(Set.of(), "c00000")).containsExactly("c00000");
        }

        @Test
        void upgradeOnOneBranchKeepsTheOtherHead() {
            assertThat(branched().headsAfterUpgrade(Set.of("a2", "b1"), "b2")).containsExactly("a2", "b2");
            assertThat(branched().headsAfterUpgrade(Set.of("a1"), "b1")).containsExactly("a1", "b1");
        }

        @Test
        void mergeReplacesBothHeads() {
            assertThat(merged().headsAfterUpgrade(Set.of("a2", "b2"), "mm")).containsExactly("mm");
        }

        @Test
        void dependencyStaysAHeadAfterItsDependentIsApplied() {
            assertThat(crossDependency().headsAfterUpgrade(Set.of("a2", "b1"), "b2")).containsExactly("a2", "b2");
        }

        @Test
        void downgradeOfAMergeBringsBackBothParents() {
            assertThat(merged().headsAfterDowngrade(Set.of("mm"), "mm")).containsExactly("a2", "b2");
        }

        @Test
        void downgradeOnOneBranchKeepsTheOtherAndDropsAParentItStillCovers() {
            RevisionGraph graph = branched();

            assertThat(graph.headsAfterDowngrade(Set.of("a2", "b2"), "a2")).containsExactly("a1", "b2");
            // aa is still needed by b2, so it does not come back as a head.
            assertThat(graph.headsAfterDowngrade(Set.of("a1", "b2"), "a1")).containsExactly("b2");
            assertThat(chain(2).headsAfterDowngrade(Set.of("c00000"), "c00000")).isEmpty();
        }

        @Test
        void downgradeOfADependentKeepsItsDependencyApplied() {
            // Stamped at b2 only: a2 was applied through depends-on and must stay recorded.
            assertThat(crossDependency().headsAfterDowngrade(Set.of("b2"), "b2")).containsExactly("a2", "b1");
        }

        @Test
        void invalidStepsAreRefused() {
            failsWith(RevisionGraphException.class, () -> chain(3).headsAfterUpgrade(Set.of("c00002"), "c00001"))
                    .hasMessageContaining("c00001 is already applied");
            failsWith(RevisionGraphException.class, () -> chain(3).headsAfterUpgrade(Set.of(), "c00001"))
                    .hasMessageContaining("c00001 needs c00000 applied first");
            failsWith(RevisionGraphException.class, () -> chain(3).headsAfterDowngrade(Set.of("c00002"), "c00001"))
                    .hasMessageContaining("c00001 is not a current head");
            failsWith(RevisionGraphException.class,
                    () -> crossDependency().headsAfterDowngrade(Set.of("a2", "b2"), "a2"))
                    .hasMessageContaining("a2 cannot be undone while b2 is applied and needs it");
        }

        @Test
        void walkingEveryPlanStepUpAndDownTracksTheAppliedSet() {
            RevisionGraph graph = graph(AA, A1, A2, B1, rev("b2", List.of("b1"), List.of("a2")), MM,
                    rev("n1", "mm"), rev("k1", "aa"));
            Set<String> heads = Set.of();
            for (RevisionNode step : graph.upgradePlan(heads, "heads")) {
                heads = graph.headsAfterUpgrade(heads, step.id());
                assertThat(graph.applied(heads)).contains(step.id());
            }
            assertThat(heads).containsExactly("k1", "n1");
            assertThat(graph.pendingCount(heads)).isZero();

            for (RevisionNode step : graph.downgradePlan(heads, "a1")) {
                heads = graph.headsAfterDowngrade(heads, step.id());
            }
            assertThat(heads).containsExactly("a1", "b1", "k1");
            for (RevisionNode step : graph.downgradePlan(heads, "base")) {
                heads = graph.headsAfterDowngrade(heads, step.id());
            }
            assertThat(heads).isEmpty();
        }

        @Test
        void stampReplacesTheHeadsOfTheStampedLineAndKeepsTheOtherBranches() {
            RevisionGraph graph = branched();
            assertThat(graph.stampedPosition(Set.of("a2", "b2"), Set.of("b1"))).containsExactly("a2", "b1");
            assertThat(graph.stampedPosition(Set.of("a1", "b1"), Set.of("a2"))).containsExactly("a2", "b1");
            assertThat(graph.stampedPosition(Set.of("a2", "b2"), Set.of("b2"))).containsExactly("a2", "b2");
            // a revision below both branches replaces both
            assertThat(graph.stampedPosition(Set.of("a2", "b2"), Set.of("aa"))).containsExactly("aa");
            assertThat(graph.stampedPosition(Set.of(), Set.of("a1"))).containsExactly("a1");
            assertThat(graph.stampedPosition(Set.of("a2", "b2"), Set.of())).isEmpty();
            assertThat(merged().stampedPosition(Set.of("a2", "b1"), Set.of("mm"))).containsExactly("mm");
        }

        @Test
        void normalizeHeadsDropsParentLineAncestors() {
            assertThat(merged().normalizeHeads(List.of("a1", "a2", "b1", "aa"))).containsExactly("a2", "b1");
            assertThat(merged().normalizeHeads(List.of("mm", "b1"))).containsExactly("mm");
            // b2 only depends on a2, so both stay, as the version table would store them.
            assertThat(crossDependency().normalizeHeads(List.of("a2", "b2"))).containsExactly("a2", "b2");
            assertThat(merged().normalizeHeads(List.of())).isEmpty();
        }
    }

    // ------------------------------------------------------------------ history

    @Nested
    class History {
        @Test
        void historyIsNewestFirst() {
            assertThat(ids(merged().history())).containsExactly("mm", "b2", "b1", "a2", "a1", "aa");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "a1:mm    | mm a2 a1",
                "aa:a2    | a2 a1 aa",
                ":b1      | b1 aa",
                "b1:      | mm b2 b1",
                "base:b1  | b1 aa",
                "b2:heads | mm b2",
                "a2:a2    | a2",
                ":        | mm b2 b1 a2 a1 aa"})
        void historyRange(String range, String expected) {
            assertThat(ids(merged().history(range))).containsExactly(expected.split(" "));
        }

        @Test
        void rangeSidesMayBeNull() {
            assertThat(ids(merged().history(null, "a1"))).containsExactly("a1", "aa");
            assertThat(ids(merged().history("b2", null))).containsExactly("mm", "b2");
            assertThat(merged().history((String) null)).hasSize(6);
        }

        @Test
        void rangeInTheWrongDirectionFails() {
            failsWith(InvalidTargetException.class, () -> merged().history("mm:a1"))
                    .hasMessage("Range 'mm:a1' is empty: mm does not come before a1; put the older revision on the"
                            + " left of the colon.");
            failsWith(InvalidTargetException.class, () -> merged().history("a2:b2"))
                    .hasMessageContaining("a2 does not come before b2");
        }

        @Test
        void rangeWithoutColonFails() {
            failsWith(InvalidTargetException.class, () -> merged().history("a1"))
                    .hasMessage("Range 'a1' has no colon: write it as a:b, :b or a:.");
        }
    }

    // ------------------------------------------------------------------ scale

    @Nested
    class Scale {
        @Test
        void longChainPlansWithoutDeepRecursion() {
            int length = 20_000;
            RevisionGraph graph = chain(length);
            String last = chainId(length - 1);

            List<RevisionNode> up = graph.upgradePlan(Set.of(), "head");
            assertThat(up).hasSize(length);
            assertThat(up.get(0).id()).isEqualTo("c00000");
            assertThat(up.get(length - 1).id()).isEqualTo(last);
            assertThat(graph.upgradePlan(Set.of(), "+" + length)).hasSize(length);
            assertThat(graph.downgradePlan(Set.of(last), "base").get(0).id()).isEqualTo(last);
            assertThat(graph.downgradePlan(Set.of(last), "-" + length)).hasSize(length);
            assertThat(graph.ancestors(last)).hasSize(length - 1);
            assertThat(graph.descendants("c00000")).hasSize(length - 1);
            assertThat(graph.history("c00010:c00019")).hasSize(10);
            assertThat(graph.isAncestor("c00000", last)).isTrue();
        }

        @Test
        void steppingHeadsAlongAChainOfTwoThousand() {
            RevisionGraph graph = chain(2000);
            Set<String> heads = Set.of();
            for (RevisionNode step : graph.upgradePlan(heads, "head")) {
                heads = graph.headsAfterUpgrade(heads, step.id());
            }
            assertThat(heads).containsExactly("c01999");
            for (RevisionNode step : graph.downgradePlan(heads, "base")) {
                heads = graph.headsAfterDowngrade(heads, step.id());
            }
            assertThat(heads).isEmpty();
        }

        @Test
        void wideGraphOfTwoThousandBranchesAndOneMerge() {
            int width = 2000;
            List<RevisionNode> nodes = new ArrayList<>();
            nodes.add(rev("root"));
            List<String> tips = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                String id = String.format("w%04d", i);
                nodes.add(rev(id, "root"));
                tips.add(id);
            }
            Collections.reverse(tips);
            nodes.add(new RevisionNode("zmerge", tips, List.of(), List.of(), "merge all"));
            RevisionGraph graph = new RevisionGraph(nodes, MAVEN);

            assertThat(ids(graph.heads())).containsExactly("zmerge");
            assertThat(graph.children("root")).hasSize(width);
            List<RevisionNode> plan = graph.upgradePlan(Set.of(), "head");
            assertThat(plan).hasSize(width + 2);
            assertThat(plan.get(1).id()).isEqualTo("w0000");
            assertThat(plan.get(width + 1).id()).isEqualTo("zmerge");
            assertThat(graph.headsAfterDowngrade(Set.of("zmerge"), "zmerge")).hasSize(width);
            assertThat(graph.normalizeHeads(tips)).hasSize(width);
        }
    }
}
