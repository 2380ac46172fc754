package com.clientvalue.bench;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.PreviousDecision;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.impl.DMNContextImpl;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;

/**
 * dmn/client-decisions.dmn on Apache KIE DMN: compiled once (DMNRuntimeBuilder, the embedding
 * Kogito and KIE's own tests use; no kjar), evaluated per client with the default options.
 */
public final class KieDmnEngine {
    private final DMNRuntime runtime;
    private final DMNModel model;

    private KieDmnEngine(DMNRuntime runtime) {
        this.runtime = runtime;
        this.model = runtime.getModels().get(0);
    }

    public static KieDmnEngine load() {
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
                .fromClasspathResource(DmnClientContext.MODEL, KieDmnEngine.class)
                .getOrElseThrow(e -> new IllegalStateException(DmnClientContext.MODEL + " does not compile on KIE DMN", e));
        KieDmnEngine engine = new KieDmnEngine(runtime);
        if (engine.model.hasErrors()) {
            throw new IllegalStateException(DmnClientContext.MODEL + ": " + engine.model.getMessages());
        }
        return engine;
    }

    public HandWrittenEngine.Result evaluate(ClientFacts facts, PreviousDecision previous) {
        DMNResult result = runtime.evaluateByName(model, new DMNContextImpl(DmnClientContext.inputs(facts, previous)),
                DmnClientContext.DECISION);
        if (result.hasErrors()) {
            throw new IllegalStateException(facts.clientId() + ": " + result.getMessages());
        }
        return DmnClientContext.result(result.getDecisionResultByName(DmnClientContext.DECISION).getResult());
    }
}
