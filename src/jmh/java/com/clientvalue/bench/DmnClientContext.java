package com.clientvalue.bench;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Level;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.PreviousDecision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a DMN user writes around the engine for dmn/client-decisions.dmn: one client's facts as
 * the model's input map (the figures HandWrittenEngine reads, enums as their names, null when
 * unknown) and the clientDecision context back as typed values. Part of the measured work.
 */
final class DmnClientContext {
    static final String MODEL = "dmn/client-decisions.dmn";
    static final String DECISION = "clientDecision";

    private DmnClientContext() {
    }

    static Map<String, Object> inputs(ClientFacts f, PreviousDecision previous) {
        Cluster lastActive = previous == null ? null : previous.lastActiveCluster();
        Map<String, Object> in = new HashMap<>(16);
        in.put("potential", f.potential());
        in.put("abcClass", f.abcClass().name());
        in.put("lastOrderDate", f.lastOrderDate());
        in.put("daysSinceLastOrder", f.daysSinceLastOrder());
        in.put("daysSinceFirstOrder", f.daysSinceFirstOrder());
        in.put("orders12m", f.orders12m());
        in.put("lossReason", f.lossReason());
        in.put("silenceRatio", f.silenceRatio());
        in.put("lastActiveCluster", lastActive == null ? null : lastActive.name());
        return in;
    }

    static HandWrittenEngine.Result result(Object decision) {
        if (!(decision instanceof Map<?, ?> out)) {
            throw new IllegalStateException(DECISION + " is not a context: " + decision);
        }
        List<String> actions = new ArrayList<>(8);
        for (Object code : (List<?>) out.get("actions")) {
            actions.add((String) code);
        }
        return new HandWrittenEngine.Result(Cluster.valueOf((String) out.get("cluster")),
                Level.valueOf((String) out.get("potentialLevel")), Level.valueOf((String) out.get("revenueLevel")),
                Lifecycle.valueOf((String) out.get("lifecycle")), actions);
    }
}
