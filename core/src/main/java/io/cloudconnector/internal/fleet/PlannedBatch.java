package io.cloudconnector.internal.fleet;

import io.cloudconnector.InstancePlatform;
import java.util.List;

/** One {@code ssm:SendCommand} to plan: instances of one region and one platform, at most 50. */
public record PlannedBatch(String region, InstancePlatform platform, List<String> instanceIds) {

    /** The Run Command document that runs the platform's script. */
    public String documentName() {
        return ArcInstallScript.documentName(platform);
    }
}
