package com.clientvalue.governance.scenario;

import java.util.List;

/** One row of an analyst's scenario file, read and ready to evaluate: given inputs, expected outcome. */
record Scenario(int line, String name, ScenarioGivens.Inputs inputs, List<ScenarioExpectation> expectations) {
}
