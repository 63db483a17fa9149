package dev.interlock.decision;

import dev.interlock.model.Confidence;
import dev.interlock.model.Effect;
import dev.interlock.model.Operation;
import java.util.List;

/** The one line a human reads in two seconds: the operation that decided, where, and how many more there are. */
final class Summaries {

    private Summaries() {
    }

    static String summary(List<Operation> ops, List<Effect> effects) {
        if (ops.isEmpty()) {
            return "nothing to do (no operations)";
        }
        int decisive = 0;
        for (int i = 1; i < ops.size(); i++) {
            int byEffect = effects.get(i).compareTo(effects.get(decisive));
            if (byEffect > 0 || byEffect == 0 && ops.get(i).risk().compareTo(ops.get(decisive).risk()) > 0) {
                decisive = i;
            }
        }
        String line = describe(ops.get(decisive));
        return ops.size() == 1 ? line : line + " (+" + (ops.size() - 1) + " more)";
    }

    static String describe(Operation op) {
        StringBuilder s = new StringBuilder();
        if (op.confidence() == Confidence.OPAQUE) {
            s.append("opaque: ").append(op.note().isEmpty() ? "cannot tell what this does" : op.note());
        } else {
            s.append(op.verb().wire());
            if (!op.resource().type().isEmpty()) {
                s.append(' ').append(op.resource().type());
            }
            if (!op.resource().name().isEmpty()) {
                s.append(' ').append(op.resource().name());
            }
            if (op.scope() != dev.interlock.model.Scope.ONE) {
                s.append(" [").append(op.scope().wire()).append(']');
            }
        }
        s.append(" (").append(op.system().isEmpty() ? "?" : op.system()).append(", ").append(op.environment().wire()).append(')');
        return s.toString();
    }
}
