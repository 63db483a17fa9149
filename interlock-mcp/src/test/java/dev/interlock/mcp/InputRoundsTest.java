package dev.interlock.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class InputRoundsTest {

    private static JsonNode json(String text) throws Exception {
        return JsonRpc.JSON.readTree(text);
    }

    private static final String CALL = """
            {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"deploy","arguments":{"to":"dev"}}}""";
    private static final String TWO_INPUTS = """
            {"jsonrpc":"2.0","id":7,"result":{"resultType":"input_required","requestState":"s1","inputRequests":{
              "ok":{"method":"elicitation/create","params":{"message":"Deploy?","requestedSchema":{"type":"object"}}},
              "where":{"method":"roots/list"}}}}""";

    @Test
    void eachInputBecomesARequestToTheClientAndTheCallGoesAgainWithEveryAnswer() throws Exception {
        InputRounds rounds = new InputRounds();
        rounds.sent("7", (ObjectNode) json(CALL));
        InputRounds.Step ask = rounds.answered(json(TWO_INPUTS), json("{\"elicitation\":{},\"roots\":{}}"));
        assertThat(ask.toServer()).isNull();
        assertThat(ask.toClient()).hasSize(2);
        JsonNode elicit = json(ask.toClient().get(0));
        JsonNode roots = json(ask.toClient().get(1));
        assertThat(elicit.path("method").asText()).isEqualTo("elicitation/create");
        assertThat(elicit.path("params").path("message").asText()).isEqualTo("Deploy?");
        assertThat(roots.path("method").asText()).isEqualTo("roots/list");
        assertThat(roots.has("params")).isFalse();

        String rootsAnswer = "{\"jsonrpc\":\"2.0\",\"id\":" + roots.get("id") + ",\"result\":{\"roots\":[]}}";
        assertThat(rounds.clientAnswered(json(rootsAnswer))).isEqualTo(InputRounds.Step.WAITING);
        String elicitAnswer = "{\"jsonrpc\":\"2.0\",\"id\":" + elicit.get("id") + ",\"result\":{\"action\":\"accept\"}}";
        InputRounds.Step again = rounds.clientAnswered(json(elicitAnswer));
        JsonNode retried = json(again.toServer());
        assertThat(retried.path("id").asInt()).isEqualTo(7);
        assertThat(retried.path("params").path("arguments").path("to").asText()).isEqualTo("dev");
        assertThat(retried.path("params").path("requestState").asText()).isEqualTo("s1");
        assertThat(retried.path("params").path("inputResponses").path("ok").path("action").asText()).isEqualTo("accept");
        assertThat(retried.path("params").path("inputResponses").path("where").path("roots").isArray()).isTrue();

        assertThat(rounds.answered(json("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":[]}}"), json("{}"))).as("done").isNull();
        assertThat(rounds.clientAnswered(json("{\"jsonrpc\":\"2.0\",\"id\":\"someone-else\",\"result\":{}}"))).as("not ours").isNull();
    }

    @Test
    void inputTheClientCannotGiveOrWillNotGiveEndsTheRequestWithAnError() throws Exception {
        InputRounds rounds = new InputRounds();
        rounds.sent("7", (ObjectNode) json(CALL));
        InputRounds.Step refused = rounds.answered(json(TWO_INPUTS), json("{\"elicitation\":{}}"));
        assertThat(refused.toClient()).singleElement().satisfies(m -> {
            assertThat(json(m).path("id").asInt()).isEqualTo(7);
            assertThat(json(m).path("error").path("message").asText()).contains("roots from the client, which this client did not declare");
        });

        rounds.sent("7", (ObjectNode) json(CALL));
        InputRounds.Step ask = rounds.answered(json(TWO_INPUTS), json("{\"elicitation\":{},\"roots\":{}}"));
        JsonNode elicit = json(ask.toClient().get(0));
        InputRounds.Step failed = rounds.clientAnswered(json("{\"jsonrpc\":\"2.0\",\"id\":" + elicit.get("id") + ",\"error\":{\"code\":-1,\"message\":\"no UI\"}}"));
        assertThat(json(failed.toClient().getFirst()).path("error").path("message").asText()).contains("no UI");
    }

    @Test
    void aServerThatNeverStopsAskingIsStopped() throws Exception {
        InputRounds rounds = new InputRounds();
        rounds.sent("7", (ObjectNode) json(CALL));
        String one = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"resultType\":\"input_required\",\"inputRequests\":{\"r\":{\"method\":\"roots/list\"}}}}";
        for (int i = 0; i < InputRounds.MAX_ROUNDS; i++) {
            JsonNode ask = json(rounds.answered(json(one), json("{\"roots\":{}}")).toClient().getFirst());
            assertThat(ask.has("method")).isTrue();
            rounds.clientAnswered(json("{\"jsonrpc\":\"2.0\",\"id\":" + ask.get("id") + ",\"result\":{\"roots\":[]}}"));
        }
        JsonNode stop = json(rounds.answered(json(one), json("{\"roots\":{}}")).toClient().getFirst());
        assertThat(stop.path("error").path("message").asText()).contains("asked for input " + InputRounds.MAX_ROUNDS + " times");
    }
}
