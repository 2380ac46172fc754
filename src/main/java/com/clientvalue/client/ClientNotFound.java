package com.clientvalue.client;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.Map;

/** No client is stored under the id asked for. */
public final class ClientNotFound extends AbstractThrowableProblem {

    public ClientNotFound(String clientId) {
        super(Problems.type("client-not-found"), "Client not found", Status.NOT_FOUND,
                "no client with client_id '" + clientId + "'", null, null, Map.of("clientId", clientId));
    }
}
