package dev.interlock.model;

import java.util.Optional;

/**
 * What the agent's machine says about where {@code kubectl} goes when a command does not say: the kubeconfig's
 * current-context, or that there is no kubeconfig (and no in-cluster account) at all. Read where the agent runs and
 * carried in the request, because the machine that decides may not be that machine.
 */
public record Kubeconfig(Optional<String> currentContext, boolean absent) {

    public static final Kubeconfig NONE = new Kubeconfig(Optional.empty(), true);

    public Kubeconfig {
        currentContext = currentContext.filter(s -> !s.isBlank());
        if (absent && currentContext.isPresent()) {
            throw new IllegalArgumentException("a kubeconfig that is absent has no current-context");
        }
    }

    public static Kubeconfig current(String context) {
        return new Kubeconfig(Optional.ofNullable(context), false);
    }
}
