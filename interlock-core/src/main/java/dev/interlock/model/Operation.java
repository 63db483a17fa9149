package dev.interlock.model;

/**
 * One normalized effect a request would have. Analysis produces operations with the environment still
 * {@link Tier#UNKNOWN} (unless it knows better, e.g. files inside the workspace); environment resolution and the
 * risk model fill in {@code environment} and {@code risk}. {@code note} is a short human explanation
 * ("discards uncommitted changes", "command name comes from a variable").
 */
public record Operation(
        String system,
        Verb verb,
        Resource resource,
        Tier environment,
        String environmentSource,
        Scope scope,
        boolean stateful,
        boolean reversible,
        Confidence confidence,
        Risk risk,
        Evidence evidence,
        String note) {

    public Operation {
        system = system == null ? "" : system;
        resource = resource == null ? Resource.of("", "") : resource;
        environmentSource = environmentSource == null ? "" : environmentSource;
        evidence = evidence == null ? Evidence.NONE : evidence;
        note = note == null ? "" : note;
    }

    /**
     * A stable address for grants and session history: {@code system:[namespace/]type/name}, e.g.
     * {@code kubernetes:payments/deployment/api}.
     */
    public String address() {
        String namespace = resource.locator("namespace");
        return system + ":" + (namespace.isEmpty() ? "" : namespace + "/") + resource.type() + "/" + resource.name();
    }

    public static Builder builder(String system, Verb verb) {
        return new Builder(system, verb);
    }

    public Builder toBuilder() {
        Builder b = new Builder(system, verb);
        b.resource(resource);
        b.environment = environment;
        b.environmentSource = environmentSource;
        b.scope = scope;
        b.stateful = stateful;
        b.reversible = reversible;
        b.confidence = confidence;
        b.risk = risk;
        b.evidence = evidence;
        b.note = note;
        return b;
    }

    public Operation withEnvironment(Tier tier, String source) {
        return new Operation(system, verb, resource, tier, source, scope, stateful, reversible, confidence, risk, evidence, note);
    }

    public Operation withRisk(Risk newRisk) {
        return new Operation(system, verb, resource, environment, environmentSource, scope, stateful, reversible, confidence,
                newRisk, evidence, note);
    }

    public Operation withEvidence(Evidence newEvidence) {
        return new Operation(system, verb, resource, environment, environmentSource, scope, stateful, reversible, confidence,
                risk, newEvidence, note);
    }

    /** Fluent construction for recognizers; defaults: scope one, not stateful, reversible, exact, low risk. */
    public static final class Builder {
        private String system;
        private Verb verb;
        private String type = "";
        private String name = "";
        // Accumulated here and copied once at build(): recognizers and plans add locators one at a time.
        private final java.util.TreeMap<String, String> locators = new java.util.TreeMap<>();
        private Tier environment = Tier.UNKNOWN;
        private String environmentSource = "";
        private Scope scope = Scope.ONE;
        private boolean stateful;
        private boolean reversible = true;
        private Confidence confidence = Confidence.EXACT;
        private Risk risk = Risk.LOW;
        private Evidence evidence = Evidence.NONE;
        private String note = "";

        private Builder(String system, Verb verb) {
            this.system = system;
            this.verb = verb;
        }

        public Builder system(String value) { this.system = value; return this; }
        public Builder verb(Verb value) { this.verb = value; return this; }
        public Builder resource(Resource value) {
            this.type = value.type();
            this.name = value.name();
            this.locators.clear();
            this.locators.putAll(value.locators());
            return this;
        }
        public Builder resource(String type, String name) { this.type = type == null ? "" : type; this.name = name == null ? "" : name; return this; }
        public Builder locator(String key, String value) {
            if (value != null && !value.isEmpty()) {
                locators.put(key, value);
            }
            return this;
        }
        public Builder environment(Tier tier, String source) { this.environment = tier; this.environmentSource = source; return this; }
        public Builder scope(Scope value) { this.scope = value; return this; }
        public Builder stateful(boolean value) { this.stateful = value; return this; }
        public Builder reversible(boolean value) { this.reversible = value; return this; }
        public Builder confidence(Confidence value) { this.confidence = value; return this; }
        public Builder risk(Risk value) { this.risk = value; return this; }
        public Builder evidence(Evidence value) { this.evidence = value; return this; }
        public Builder note(String value) { this.note = value; return this; }

        public Operation build() {
            return new Operation(system, verb, new Resource(type, name, locators), environment, environmentSource, scope, stateful,
                    reversible, confidence, risk, evidence, note);
        }
    }
}
