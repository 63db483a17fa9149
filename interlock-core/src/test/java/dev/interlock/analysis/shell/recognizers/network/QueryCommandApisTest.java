package dev.interlock.analysis.shell.recognizers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Verb;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryCommandApisTest {

    @Test
    void theCommandsOwnVerbDecides() {
        assertThat(QueryCommandApis.verb("namecheap.domains.dns.setCustom")).contains(Verb.UPDATE);
        assertThat(QueryCommandApis.verb("namecheap.domains.dns.getHosts")).contains(Verb.READ);
        assertThat(QueryCommandApis.verb("DeleteUser")).contains(Verb.DELETE);
        assertThat(QueryCommandApis.verb("DescribeInstances")).contains(Verb.READ);
        assertThat(QueryCommandApis.verb("TerminateInstances")).contains(Verb.DELETE);
        // a wiki's action=edit opens a form; history and raw say nothing
        assertThat(QueryCommandApis.verb("edit")).isEmpty();
        assertThat(QueryCommandApis.verb("history")).isEmpty();
    }

    @Test
    void aPlacesTierWordIsFoundInAnyPart() {
        assertThat(DeploymentWords.tierWordIn("/srv/dagster-prod/home")).contains("prod");
        assertThat(DeploymentWords.tierWordIn("/etc/nginx/sites-enabled/shop-staging.conf")).contains("staging");
        assertThat(DeploymentWords.tierWordIn("/etc/caddy/shop-nonprod.caddy")).isEqualTo(Optional.empty());
        assertThat(DeploymentWords.tierWordIn("/srv/non-prod/x")).isEmpty();
        assertThat(DeploymentWords.tierWordIn("/var/www/livechat/app.conf")).isEmpty();
    }
}
