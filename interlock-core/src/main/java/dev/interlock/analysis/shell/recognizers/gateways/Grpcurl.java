package dev.interlock.analysis.shell.recognizers.gateways;

import dev.interlock.analysis.api.MethodNames;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code grpcurl [flags] ADDRESS METHOD}: a gRPC call does what its method's name says ({@link MethodNames}:
 * {@code GetOrder} and {@code ListOrders} read, {@code DeleteTenant} and {@code PurgeAllReservations} delete,
 * {@code AssignRole} grants, {@code RefundPayment} changes). Reflection ({@code list}, {@code describe}) only reads,
 * and without an address it reads the proto files here.
 */
final class Grpcurl {

    private Grpcurl() {
    }

    private static final Set<String> VALUED = Set.of("-d", "-H", "-rpc-header", "-reflect-header", "-import-path", "-proto",
            "-protoset", "-authority", "-servername", "-cert", "-key", "-cacert", "-connect-timeout", "-keepalive-time",
            "-max-msg-sz", "-format", "-max-time", "-user-agent", "-protoset-out", "-proto-out-dir", "-unix");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        boolean reflection = !words.isEmpty() && (words.getFirst().equals("list") || words.getFirst().equals("describe"));
        if (reflection) {
            return CommandTable.local("service").placed(inv, "grpc", String.join(" ", words), Map.of(),
                    Tier.UNKNOWN, "");
        }
        String address = words.isEmpty() ? "" : words.getFirst();
        String call = words.size() > 1 ? words.get(1) : "";
        Act act;
        if (call.isEmpty() || call.equals("list") || call.equals("describe")) {
            act = CommandTable.read("service");
        } else {
            Verb verb = MethodNames.verb(call, true);
            act = switch (verb) {
                case READ -> CommandTable.read("rpc");
                case DELETE -> CommandTable.delete("rpc");
                case GRANT -> CommandTable.grant("rpc");
                case CREATE -> CommandTable.create("rpc");
                default -> CommandTable.update("rpc");
            };
            act = MethodNames.everything(call) ? act.all() : act;
        }
        String name = call.isEmpty() || call.equals("list") || call.equals("describe") ? String.join(" ", words.subList(Math.min(1, words.size()), words.size())) : call;
        return act.placed(inv, "grpc", name, Map.of("host", Hosts.of(address)), Tier.UNKNOWN, "");
    }
}
