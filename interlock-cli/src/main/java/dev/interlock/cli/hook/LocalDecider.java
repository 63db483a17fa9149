package dev.interlock.cli.hook;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.hooks.HookVerdict;
import dev.interlock.model.Request;
import dev.interlock.policy.PolicyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Decides in this process from the policy and inventory (local mode), with the policy verified once
 * ({@link dev.interlock.cli.VerifiedPolicy}): the difference between hundreds of milliseconds and tens on every tool call.
 */
final class LocalDecider {

    private final Interlock engine;

    private LocalDecider(Interlock engine) {
        this.engine = engine;
    }

    static LocalDecider create(HookMain.HookOptions options) {
        List<PolicyFile> files = options.policy() == null ? PolicyFile.defaults() : PolicyFile.read(options.policy());
        String inventory = "";
        if (options.inventory() != null) {
            try {
                inventory = Files.readString(options.inventory());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the inventory " + options.inventory() + ": " + e.getMessage());
            }
        }
        Interlock.Builder b = Interlock.builder().ambient(AmbientContext.detect()).policy(files);
        if (options.inventory() != null) {
            b.inventory(options.inventory());
        }
        return new LocalDecider(dev.interlock.cli.VerifiedPolicy.build(b, files, inventory));
    }

    HookVerdict decide(Request request) {
        return HookVerdict.local(engine.decide(dev.interlock.cli.ManifestReader.withManifests(engine, request)));
    }

}
