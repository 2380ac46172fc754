package com.clientvalue.common;

import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.crmclient.ApiClient;
import com.clientvalue.crmclient.ApiException;
import com.clientvalue.crmclient.api.AuditApi;
import com.clientvalue.crmclient.api.DecisionsApi;
import com.clientvalue.crmclient.api.ImportsApi;
import com.clientvalue.crmclient.api.SecurityApi;
import com.clientvalue.crmclient.model.Cluster;
import com.clientvalue.crmclient.model.Decision;
import com.clientvalue.crmclient.model.DecisionRequest;
import com.clientvalue.crmclient.model.ServiceRequestBody;
import com.clientvalue.crmclient.model.TokenControllerNewToken;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CRM integrator's view: the README's main flow (token, import, decide, service request, audit
 * read) driven only through the Java client OpenAPI Generator made from the document the build
 * wrote (see the openapi-generator-maven-plugin in pom.xml). Nobody here wrote that client.
 */
@MicronautTest(transactional = false)
class OpenApiClientIntegrationTest extends HttpIntegrationTest {
    private static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);
    @Inject
    EmbeddedServer server;

    @Test
    void theMainFlowWorksThroughAGeneratedClient() throws Exception {
        db.clear();
        String token = new SecurityApi(client("test-token-with-every-role"))
                .create(new TokenControllerNewToken().name("generated-crm-" + System.nanoTime()).roles(List.of("CRM", "AUDITOR")))
                .getToken();
        ApiClient crm = client(token);
        ImportsApi imports = new ImportsApi(crm);

        assertEquals(2, imports.clients(csv("client_id,name,country,potential\nBIG,Big Srl,Italy,20\nSMALL,Small Srl,Italy,20\n"))
                .getRows());
        assertEquals(2, imports.orders(csv("client_id,order_id,order_date,amount\nBIG,O1,2011-11-01,10000\nSMALL,O2,2011-11-02,10\n"))
                .getOrders());

        DecisionsApi decisions = new DecisionsApi(crm);
        Decision decided = decisions.decide(new DecisionRequest().clientId("SMALL").asOf(AS_OF));
        assertEquals(Cluster.MARGINAL, decided.getOutcome().getCluster(), "potential 20, class C: marginal");
        assertEquals(AS_OF, decided.getAsOf());

        Decision refused = decisions.serviceRequest(new ServiceRequestBody().clientId("SMALL").service("TECHNICAL_SUPPORT")
                .paid(false).asOf(AS_OF));
        assertFalse(refused.getOutcome().getServiceAnswer().getGranted());
        assertTrue(refused.getOutcome().getServiceAnswer().getRuleIds().contains("SRV-MARGINAL-UNPAID"),
                refused.getOutcome().getServiceAnswer().toString());

        Decision audited = new AuditApi(crm).get(refused.getDecisionId());
        assertEquals(refused.getDecisionId(), audited.getDecisionId());
        assertEquals(refused.getRuleVersion(), audited.getRuleVersion());
        assertEquals(refused.getFiredRules(), audited.getFiredRules());

        // errors come back as the declared problems, which the client reads as its exceptions
        ApiException unknown = assertThrows(ApiException.class, () -> decisions.decide(new DecisionRequest().clientId("NOBODY")));
        assertEquals(404, unknown.getCode());
        assertTrue(unknown.getResponseBody().contains("/problems/client-not-found"), unknown.getResponseBody());
        ApiException anonymous = assertThrows(ApiException.class,
                () -> new DecisionsApi(client("not-a-token")).decide(new DecisionRequest().clientId("SMALL")));
        assertEquals(401, anonymous.getCode());
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.setBasePath(server.getURL().toString());
        // the document's bearer security scheme is what makes the generator offer this
        client.setBearerToken(token);
        return client;
    }

    private static File csv(String content) throws IOException {
        File file = Files.createTempFile("import", ".csv").toFile();
        file.deleteOnExit();
        Files.writeString(file.toPath(), content);
        return file;
    }
}
