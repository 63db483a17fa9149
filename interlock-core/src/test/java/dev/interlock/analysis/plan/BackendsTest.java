package dev.interlock.analysis.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.model.RequestContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendsTest {

    private static RequestContext with(String state) {
        return new RequestContext(Optional.empty(), Optional.of("/srv/infra"), Map.of(), Optional.empty(), Optional.empty(),
                Map.of("/srv/infra/.terraform/terraform.tfstate", state));
    }

    @Test
    void theStatesBucketAndKeyNameWhereThePlanLands() {
        assertThat(Backends.of(with("{\"backend\":{\"type\":\"s3\",\"config\":{\"bucket\":\"acme-tfstate\",\"key\":\"payments/prod/terraform.tfstate\",\"region\":\"eu-west-1\"}}}")))
                .isEqualTo("s3:acme-tfstate/payments/prod/terraform.tfstate");
        assertThat(Backends.of(with("{\"backend\":{\"type\":\"gcs\",\"config\":{\"bucket\":\"state\",\"prefix\":\"shop/staging\"}}}")))
                .isEqualTo("gcs:state/shop/staging");
        assertThat(Backends.of(with("{\"backend\":{\"type\":\"remote\",\"config\":{\"organization\":\"acme\",\"workspaces\":[{\"name\":\"payments-prod\"}]}}}")))
                .isEqualTo("remote:acme/payments-prod");
        assertThat(Backends.of(with("not json"))).isEmpty();
        assertThat(Backends.of(RequestContext.EMPTY)).isEmpty();
    }

    @Test
    void whatLeavesTheMachineHasNoCredentials() {
        String redacted = Backends.redacted("{\"version\":3,\"backend\":{\"type\":\"s3\",\"config\":{\"bucket\":\"b\",\"key\":\"k\","
                + "\"access_key\":\"AKIAEXAMPLE\",\"secret_key\":\"s3cr3t\",\"token\":\"t\"}}}");
        assertThat(redacted).contains("\"bucket\":\"b\"").contains("\"key\":\"k\"").doesNotContain("AKIA").doesNotContain("s3cr3t")
                .doesNotContain("token");
    }
}
