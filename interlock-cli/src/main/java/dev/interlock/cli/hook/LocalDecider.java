package dev.interlock.cli.hook;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.hooks.HookVerdict;
import dev.interlock.model.Request;
import dev.interlock.policy.PolicyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides on this machine from the policy and inventory (local mode), with the policy verified once
 * ({@link dev.interlock.cli.VerifiedPolicy}): the difference between hundreds of milliseconds and tens on every tool call.
 */
final class LocalDecider {

    private final Interlock engine;

    private LocalDecider(Interlock engine) {
        this.engine = engine;
    }

    static LocalDecider create(HookMain.HookOptions options) {
        return create(Source.read(options.policy(), options.inventory()), AmbientContext.detect());
    }

    /**
     * {@code ambient} is where commands without a target of their own land: this process's when the hook decides in
     * process, unknown in the decider daemon (each request carries its caller's).
     */
    static LocalDecider create(Source source, AmbientContext ambient) {
        Interlock.Builder b = Interlock.builder().ambient(ambient).policy(source.files());
        if (source.inventory() != null) {
            b.inventory(source.inventory());
        }
        return new LocalDecider(dev.interlock.cli.VerifiedPolicy.build(b, source.files(), source.inventoryText()));
    }

    /**
     * The policy files and inventory a hook decides with, as read now.
     *
     * @param inventory null: the shipped defaults only
     */
    record Source(List<PolicyFile> files, Path inventory, String inventoryText) {

        /** {@code policy} null: the shipped pack. */
        static Source read(Path policy, Path inventory) {
            List<PolicyFile> files = policy == null ? PolicyFile.defaults() : PolicyFile.read(policy);
            String text = "";
            if (inventory != null) {
                try {
                    text = Files.readString(inventory);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the inventory " + inventory + ": " + e.getMessage());
                }
            }
            return new Source(files, inventory, text);
        }

        /** Changes whenever the policy text, the inventory or Interlock's build does. */
        String key() {
            return dev.interlock.cli.VerifiedPolicy.key(files, inventoryText);
        }
    }

    HookVerdict decide(Request request) {
        return HookVerdict.local(engine.decide(dev.interlock.cli.ManifestReader.withManifests(engine, request)));
    }

}
