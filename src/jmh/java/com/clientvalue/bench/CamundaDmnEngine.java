package com.clientvalue.bench;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.PreviousDecision;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * dmn/client-decisions.dmn on the Camunda 7 DMN engine (default configuration: Scala FEEL for
 * every expression): parsed once, evaluated per client. Evaluating clientDecision evaluates each
 * required decision once, in dependency order.
 */
public final class CamundaDmnEngine {
    private final DmnEngine engine;
    private final DmnDecision decision;

    private CamundaDmnEngine(DmnEngine engine, DmnDecision decision) {
        this.engine = engine;
        this.decision = decision;
    }

    public static CamundaDmnEngine load() {
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = CamundaDmnEngine.class.getClassLoader().getResourceAsStream(DmnClientContext.MODEL)) {
            if (model == null) {
                throw new IllegalStateException(DmnClientContext.MODEL + " not found on the classpath");
            }
            return new CamundaDmnEngine(engine, engine.parseDecision(DmnClientContext.DECISION, model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HandWrittenEngine.Result evaluate(ClientFacts facts, PreviousDecision previous) {
        Object decided = engine.evaluateDecision(decision, DmnClientContext.inputs(facts, previous)).getSingleEntry();
        return DmnClientContext.result(decided);
    }
}
