package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;

/** The operations every publishing tool builds: a publish to a registry (placed by the registry's host), a local run, a read. */
public final class Publishing {

    private Publishing() {
    }

    /** Publishing {@code what} to {@code registry} (a URL or host), judged by the registry's host. */
    public static Operation publishTo(Invocation inv, String what, String how, String registry) {
        Operation o = publish(inv, what, how);
        return registry.isBlank() ? o : hostLocator(o, registry);
    }

    static Operation publish(Invocation inv, String what, String how) {
        return op(inv, Verb.TRANSFER, "package", what).scope(Scope.MANY).stateful(false).reversible(false)
                .note(how + ": publishes to a registry; everyone who installs it gets this version").build();
    }

    static Operation local(Invocation inv, String what) {
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("process", what.trim()).evidence(inv.evidence());
        return inv.remote() ? b.build() : b.environment(Tier.LOCAL, what.trim() + " runs on this machine").build();
    }

    static Operation read(Invocation inv, String type, String name, String note) {
        return op(inv, Verb.READ, type, name).note(note).build();
    }

    static Operation.Builder op(Invocation inv, Verb verb, String type, String name) {
        return Operation.builder("package", verb).resource(type, name).evidence(inv.evidence());
    }

    /**
     * The registry's host as a locator, for the inventory to place. A publish to a registry on this machine (Verdaccio
     * on localhost:4873, a registry container on localhost:5000) reaches no one else: it is a change of that sandbox,
     * as {@code docker push localhost:5000/…} is, not a version sent to everyone who installs the package.
     */
    static Operation hostLocator(Operation o, String registry) {
        String host = Hosts.of(registry);
        if (o.verb() == Verb.TRANSFER && (Hosts.loopback(host) || host.equals("host.docker.internal"))) {
            return o.toBuilder().verb(Verb.CREATE).scope(Scope.ONE).reversible(true).locator("host", host)
                    .note("publishes to a registry on this machine (" + registry + "): no one else installs from it").build();
        }
        return o.toBuilder().locator("host", host).build();
    }

    static String artifact(Invocation inv) {
        return "the artifacts built in " + inv.workspace().cwd();
    }
}
