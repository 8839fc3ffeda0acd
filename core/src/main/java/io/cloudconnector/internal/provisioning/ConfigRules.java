package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.internal.readiness.Gathered;
import io.cloudconnector.spi.ConfigRecorderFacts.Recorder;
import io.cloudconnector.spi.DeliveryChannelFacts;
import io.cloudconnector.spi.IamPrincipalFacts;
import java.util.List;
import java.util.Optional;

/**
 * AWS Config, per region: a recorder recording all supported resource types, a delivery channel, recording on, in
 * the order AWS Config accepts them (a channel needs a recorder, recording needs a channel). A recorder is created
 * only where a channel exists or can be made, as it records nothing without one. New recorders use AWS Config's
 * service-linked role (created first when missing) and record global resource types (IAM) in one region only, so
 * that they are not recorded twice. An existing recorder keeps its name and role; an existing delivery channel is
 * never redirected.
 */
final class ConfigRules {

    static final String DEFAULT_NAME = "default";
    private static final String RECORDER = "config/recorder/";
    private static final String CHANNEL = "config/delivery-channel/";

    private ConfigRules() {
    }

    /**
     * The service-linked role's ARN new recorders use, adding its creation when missing; empty when it could not be
     * read (then no recorder is created).
     */
    static Optional<String> serviceLinkedRole(Context context, List<RegionConfig> regions, boolean bucketReady,
        Gathered<Optional<IamPrincipalFacts>> role, Draft draft) {
        String resource = Context.roleResource(Context.CONFIG_SERVICE_LINKED_ROLE);
        if (!role.ok()) {
            draft.unreadable(null, resource, role);
            return Optional.empty();
        }
        if (role.value().isPresent()) {
            return Optional.of(role.value().get().arn());
        }
        draft.add(Kind.CREATE, Operation.CREATE_SERVICE_LINKED_ROLE, null, resource,
            "Create " + Context.CONFIG_SERVICE_LINKED_ROLE + ", the service-linked role AWS Config records with",
            "AWS Config must start recording in " + String.join(", ", regions.stream()
                .filter(region -> region.needsRecorder(bucketReady)).map(RegionConfig::region).toList())
                + " and the role does not exist",
            Parameters.SERVICE_NAME, Context.CONFIG_SERVICE);
        return Optional.of(context.configServiceLinkedRoleArn());
    }

    /** The region whose new recorder records global resource types: none when one already does, else the first. */
    static Optional<String> globalTypesRegion(List<RegionConfig> regions, boolean bucketReady) {
        if (regions.stream().anyMatch(RegionConfig::recordsGlobalTypes)) {
            return Optional.empty();
        }
        return regions.stream().filter(region -> region.needsRecorder(bucketReady)).map(RegionConfig::region)
            .findFirst();
    }

    /**
     * Adds one region's AWS Config actions or conflicts.
     *
     * @param recorderRole the role new recorders use; empty when it is not known
     * @param bucketReady whether a new delivery channel can deliver to the bucket once the plan is applied
     */
    static void plan(Context context, RegionConfig config, Optional<String> recorderRole, boolean bucketReady,
        Optional<String> globalTypesRegion, Draft draft) {
        String region = config.region();
        if (!config.recorders().ok()) {
            draft.unreadable(region, RECORDER + DEFAULT_NAME, config.recorders());
            return;
        }
        if (!config.channels().ok()) {
            draft.unreadable(region, CHANNEL + DEFAULT_NAME, config.channels());
            return;
        }
        Optional<Recorder> existing = config.recorder();
        boolean recorderReady = existing.isPresent()
            ? allSupported(region, existing.get(), draft)
            : config.needsRecorder(bucketReady)
                && create(region, recorderRole, globalTypesRegion.filter(region::equals).isPresent(), draft);
        boolean channelReady = recorderReady && channel(context, config, bucketReady, draft);
        if (recorderReady && channelReady && existing.map(recorder -> !recorder.recording()).orElse(true)) {
            String name = existing.map(Recorder::name).orElse(DEFAULT_NAME);
            draft.add(existing.isPresent() ? Kind.CHANGE : Kind.CREATE, Operation.START_CONFIG_RECORDER, region,
                RECORDER + name, "Start recording with recorder " + name + " in " + region,
                existing.isPresent() ? "Recorder " + name + " exists in " + region + " but is not recording"
                    : "The recorder created in " + region + " records only once started",
                Parameters.RECORDER_NAME, name);
        }
    }

    private static boolean create(String region, Optional<String> role, boolean globalTypes, Draft draft) {
        if (role.isEmpty()) {
            return false;
        }
        draft.add(Kind.CREATE, Operation.PUT_CONFIG_RECORDER, region, RECORDER + DEFAULT_NAME,
            "Create recorder " + DEFAULT_NAME + " in " + region + " recording all supported resource types"
                + (globalTypes ? ", global ones (IAM) included" : " (global ones are recorded in another region)"),
            "AWS Config has no recorder in " + region,
            Parameters.RECORDER_NAME, DEFAULT_NAME, Parameters.ROLE_ARN, role.get(),
            Parameters.INCLUDE_GLOBAL_RESOURCE_TYPES, Boolean.toString(globalTypes));
        return true;
    }

    /** Widens an existing recorder to all supported resource types; whether the recorder can record afterwards. */
    private static boolean allSupported(String region, Recorder recorder, Draft draft) {
        if (recorder.allSupported()) {
            return true;
        }
        String resource = RECORDER + recorder.name();
        if (recorder.roleArn().isEmpty()) {
            draft.conflict(region, resource, "Recorder " + recorder.name() + " in " + region + " records only "
                    + "selected resource types, and AWS did not report its role, which an update must keep",
                "AWS Config console (region " + region + ") > Settings > Edit > Recording strategy: all resource "
                    + "types");
            return true;
        }
        draft.add(Kind.CHANGE, Operation.PUT_CONFIG_RECORDER, region, resource,
            "Make recorder " + recorder.name() + " in " + region + " record all supported resource types, keeping "
                + "its role" + (recorder.includeGlobalResourceTypes() ? " and global resource types" : ""),
            "Recorder " + recorder.name() + " records only selected resource types; Defender for Cloud may miss "
                + "resources",
            Parameters.RECORDER_NAME, recorder.name(), Parameters.ROLE_ARN, recorder.roleArn().get(),
            Parameters.INCLUDE_GLOBAL_RESOURCE_TYPES, Boolean.toString(recorder.includeGlobalResourceTypes()));
        return true;
    }

    /** Adds the delivery channel when missing; whether the region has (or will have) one. */
    private static boolean channel(Context context, RegionConfig config, boolean bucketReady, Draft draft) {
        String region = config.region();
        Optional<DeliveryChannelFacts> existing = config.channel();
        if (existing.isPresent()) {
            Optional<String> bucket = existing.get().s3BucketName();
            if (context.options().configBucket().isPresent() && !bucket.equals(context.options().configBucket())) {
                draft.conflict(region, CHANNEL + existing.get().name(), "Delivery channel " + existing.get().name()
                        + " in " + region + " delivers to " + bucket.map(name -> "bucket " + name).orElse("no bucket")
                        + ", not " + context.bucketName() + "; it is left as it is",
                    "Keep it (AWS Config works with it), or point it at " + context.bucketName() + " by hand:\n"
                        + "aws configservice put-delivery-channel --region " + region + " --delivery-channel name="
                        + existing.get().name() + ",s3BucketName=" + context.bucketName());
            }
            return true;
        }
        if (!bucketReady) {
            return false;
        }
        draft.add(Kind.CREATE, Operation.PUT_DELIVERY_CHANNEL, region, CHANNEL + DEFAULT_NAME,
            "Create delivery channel " + DEFAULT_NAME + " in " + region + " to bucket " + context.bucketName(),
            "AWS Config has no delivery channel in " + region + ", and records nothing without one",
            Parameters.CHANNEL_NAME, DEFAULT_NAME, Parameters.BUCKET_NAME, context.bucketName());
        return true;
    }
}
