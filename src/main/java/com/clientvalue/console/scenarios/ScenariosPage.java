package com.clientvalue.console.scenarios;

import com.clientvalue.governance.scenario.ScenarioCheck;

import java.util.List;

/** What the page shows: the version, its areas' outcomes, the totals, and whether only failures are listed. */
public record ScenariosPage(String version, List<ScenarioCheck.FileOutcome> files, long total, long failed, boolean failedOnly) {
    /** The area of a scenario file: its name without folder and extension (rules/tests/clusters.csv → clusters). */
    public String area(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }
}
