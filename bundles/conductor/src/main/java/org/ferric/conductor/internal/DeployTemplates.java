package org.ferric.conductor.internal;

import java.util.ArrayList;
import java.util.List;

import org.ferric.db.api.DbApi;
import org.ferric.db.api.Node;
import org.ferric.db.api.ObjectKind;
import org.ferric.db.api.StoredObject;
import org.ferric.driver.api.Step;

/** The steps of the deploy templates named by the instance's traits ({@code instance_info.traits}), as Ironic matches them. */
final class DeployTemplates {
    private final DbApi db;

    DeployTemplates(DbApi db) {
        this.db = db;
    }

    List<Step> stepsFor(Node node) {
        List<Step> steps = new ArrayList<>();
        if (!(node.getInstanceInfo().get("traits") instanceof List<?> traits)) {
            return steps;
        }
        for (Object trait : traits) {
            if (trait == null) {
                continue;
            }
            StoredObject template = db.findObject(ObjectKind.DEPLOY_TEMPLATE, "name", trait.toString()).orElse(null);
            if (template != null) {
                steps.addAll(StepPlan.parse(template.get("steps"), "deploy template " + trait, true));
            }
        }
        return steps;
    }
}
