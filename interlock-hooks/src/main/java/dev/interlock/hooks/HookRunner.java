package dev.interlock.hooks;

import dev.interlock.model.Request;
import java.util.Optional;
import java.util.function.Function;

/**
 * One hook call from payload to answer: read the agent's payload, map it to a request, have {@code decider} decide
 * (in process, or by asking a server), and answer in the agent's format. Nothing escapes as an exception: whatever
 * goes wrong becomes a blocking answer that says what.
 */
public final class HookRunner {

    private HookRunner() {
    }

    public static HookAnswer run(Agent agent, byte[] payload, AgentSide side, Function<Request, HookVerdict> decider) {
        String event = "";
        try {
            HookEvent e = PayloadReader.read(agent, payload);
            event = e.event();
            Optional<Request> request = HookRequests.of(e, side);
            if (request.isEmpty()) {
                return AnswerWriter.write(agent, event, HookVerdict.allow(e.tool() + " changes nothing outside the agent"));
            }
            return AnswerWriter.write(agent, event, decider.apply(request.get()));
        } catch (HookPayloadException | dev.interlock.json.RequestFormatException e) {
            return AnswerWriter.failure(agent, "unreadable " + agent.displayName() + " payload: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return AnswerWriter.failure(agent, "internal error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
