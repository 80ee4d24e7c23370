package dev.migrations.maven;

import dev.migrations.engine.MigrationException;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * The project's classes for a goal that reads its entities (revision, check). Run from the
 * command line ({@code mvn migrations:check} on a fresh clone, or right after an entity
 * changed), the goal first runs the project's lifecycle up to {@code process-classes}, exactly as
 * an {@code @Execute(phase = PROCESS_CLASSES)} would, with Maven's {@code >>> ... >>>} lines.
 * Bound in the build's own lifecycle, it uses the classes that build compiled: a declared
 * {@code @Execute} would fork there too, and run the phases again after {@code package}, which
 * makes the compiler warn that it overwrites the project's jar with its classes directory.
 */
final class ProjectCompilation {

    static final String PHASE = "process-classes";

    /** The phases of the default lifecycle that run before the project's classes are compiled. */
    private static final List<String> BEFORE_COMPILE = List.of("validate", "initialize", "generate-sources",
            "process-sources", "generate-resources", "process-resources");

    private final LifecycleExecutor lifecycle;
    private final MavenSession session;

    ProjectCompilation(LifecycleExecutor lifecycle, MavenSession session) {
        this.lifecycle = lifecycle;
        this.session = session;
    }

    /**
     * Compiles the project unless {@code execution} runs inside the build's lifecycle, where it
     * must come after the compiler: earlier, the classes would be missing or those of the last build.
     */
    void compileFor(MojoExecution execution) throws MojoExecutionException, MojoFailureException {
        if (execution.getSource() != MojoExecution.Source.CLI) {
            String phase = execution.getLifecyclePhase();
            if (BEFORE_COMPILE.contains(phase)) {
                throw new MigrationException("migrations:" + execution.getGoal() + " is bound to the " + phase
                        + " phase, before the project's classes are compiled; bind it to process-classes or a later"
                        + " phase (verify, say).");
            }
            return;
        }
        // the forked executions are planned as Maven plans a declared @Execute: from the descriptor
        MojoDescriptor forking = execution.getMojoDescriptor().clone();
        forking.setExecutePhase(PHASE);
        MojoExecution fork = new MojoExecution(forking, execution.getExecutionId(), execution.getSource());
        fork.setConfiguration(execution.getConfiguration());
        List<MavenProject> forked = List.of();
        try {
            lifecycle.calculateForkedExecutions(fork, session);
            forked = lifecycle.executeForkedExecutions(fork, session);
        } catch (LifecycleExecutionException e) {
            // the forked goal's own failure ("Compilation failure" with the compiler's lines)
            if (e.getCause() instanceof MojoFailureException failure) {
                throw failure;
            }
            if (e.getCause() instanceof MojoExecutionException error) {
                throw error;
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (Exception e) {
            throw new MojoExecutionException("Cannot plan the lifecycle up to " + PHASE + ": " + e.getMessage(), e);
        } finally {
            // as Maven does after a fork: the goal itself sees the project, not the fork's copy
            forked.forEach(project -> project.setExecutionProject(null));
        }
    }
}
