package dev.migrations.maven;

import dev.migrations.engine.MigrationException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Reads a parameter whose value must not appear in the build output. Maven's debug output
 * ({@code -X}) prints every parameter's value as it injects it, even through a setter; a
 * parameter declared as {@link PlexusConfiguration} is injected unevaluated (it prints as
 * {@code <password>${migrations.password}</password>}), and is evaluated here instead.
 */
final class UnprintedParameter {

    private final PluginParameterExpressionEvaluator evaluator;

    UnprintedParameter(PluginParameterExpressionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The parameter's value, null when neither the pom nor the user property sets it. */
    String value(PlexusConfiguration parameter) {
        if (parameter == null) {
            return null;
        }
        String text = parameter.getValue(null);
        if (text == null) {
            text = parameter.getAttribute("default-value", null);
        }
        if (text == null) {
            return null;
        }
        try {
            Object value = evaluator.evaluate(text);
            return value == null || value.toString().isBlank() ? null : value.toString();
        } catch (ExpressionEvaluationException e) {
            // the message would quote the expression, which may hold the secret itself
            throw new MigrationException("Cannot evaluate the " + parameter.getName()
                    + " parameter; check its expression in the pom.");
        }
    }
}
