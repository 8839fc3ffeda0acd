package io.cloudconnector.internal.provisioning;

import io.cloudconnector.ProvisioningAction.Kind;
import io.cloudconnector.ProvisioningAction.Operation;
import io.cloudconnector.internal.readiness.Gathered;
import io.cloudconnector.spi.BucketFacts;
import java.util.Optional;

/**
 * The S3 bucket AWS Config delivers to. Created only on request: private (all public access blocked), encrypted with
 * S3-managed keys, with the policy AWS Config needs. An existing bucket without a policy gets that policy; one whose
 * policy does not let AWS Config deliver is a conflict, as a policy is never overwritten. Public access block and
 * encryption of an existing bucket are completed only when the caller asked for the bucket to be provisioned.
 */
final class BucketRules {

    private BucketRules() {
    }

    /**
     * Adds the bucket's actions or conflict.
     *
     * @param homeRegion where a new bucket is created: the first region of the plan
     * @return whether delivery channels can deliver to the bucket once the plan is applied
     */
    static boolean plan(Context context, String homeRegion, Gathered<Optional<BucketFacts>> bucket, Draft draft) {
        String name = context.bucketName();
        String resource = context.bucketResource();
        if (!bucket.ok()) {
            draft.unreadable(null, resource, bucket);
            return false;
        }
        if (bucket.value().isEmpty()) {
            return absent(context, homeRegion, draft);
        }
        BucketFacts facts = bucket.value().get();
        if (!facts.accessible()) {
            draft.conflict(null, resource, "Bucket " + name + " exists but this account may not use it (S3 answered "
                    + "403: another account owns it, or a permission is missing); no delivery channel is planned",
                "Name a bucket of this account with ProvisioningOptions.configBucket, or allow s3:GetBucketPolicy and "
                    + "s3:ListBucket on " + name + " for the identity that provisions, then plan again");
            return false;
        }
        String region = facts.region().orElse(homeRegion);
        if (context.options().createConfigBucket()) {
            complete(context, region, facts, draft);
        }
        return policy(context, region, facts, draft);
    }

    private static boolean absent(Context context, String region, Draft draft) {
        String name = context.bucketName();
        if (!context.options().createConfigBucket()) {
            draft.conflict(null, context.bucketResource(), "Bucket " + name + " does not exist, and creating it was "
                    + "not asked for; no delivery channel is planned",
                "Set ProvisioningOptions.createConfigBucket(true), or name an existing bucket with configBucket, "
                    + "then plan again");
            return false;
        }
        String why = "Bucket " + name + " does not exist; AWS Config needs it to deliver to";
        String resource = context.bucketResource();
        draft.add(Kind.CREATE, Operation.CREATE_BUCKET, region, resource, "Create bucket " + name + " in " + region,
            why, Parameters.BUCKET_NAME, name);
        draft.add(Kind.CREATE, Operation.BLOCK_PUBLIC_ACCESS, region, resource,
            "Block all public access to bucket " + name, "The new bucket must stay private",
            Parameters.BUCKET_NAME, name);
        draft.add(Kind.CREATE, Operation.ENCRYPT_BUCKET, region, resource,
            "Encrypt bucket " + name + " by default with S3-managed keys (SSE-S3)",
            "The new bucket holds the account's configuration history", Parameters.BUCKET_NAME, name);
        addPolicy(context, region, Kind.CREATE, "AWS Config delivers to the new bucket", draft);
        return true;
    }

    private static void complete(Context context, String region, BucketFacts facts, Draft draft) {
        String name = context.bucketName();
        if (!facts.publicAccessBlocked()) {
            draft.add(Kind.CHANGE, Operation.BLOCK_PUBLIC_ACCESS, region, context.bucketResource(),
                "Block all public access to bucket " + name,
                "Bucket " + name + " does not block all public access, and it was asked to be provisioned",
                Parameters.BUCKET_NAME, name);
        }
        if (!facts.encrypted()) {
            draft.add(Kind.CHANGE, Operation.ENCRYPT_BUCKET, region, context.bucketResource(),
                "Encrypt bucket " + name + " by default with S3-managed keys (SSE-S3)",
                "Bucket " + name + " has no default encryption, and it was asked to be provisioned",
                Parameters.BUCKET_NAME, name);
        }
    }

    private static boolean policy(Context context, String region, BucketFacts facts, Draft draft) {
        String name = context.bucketName();
        if (facts.policy().isEmpty()) {
            addPolicy(context, region, Kind.CHANGE, "Bucket " + name + " has no policy, and AWS Config needs one to "
                + "deliver to it", draft);
            return true;
        }
        String problem;
        try {
            if (Documents.allowsConfigDelivery(facts.policy().get())) {
                return true;
            }
            problem = "does not let AWS Config (" + Context.CONFIG_SERVICE + ") put objects";
        } catch (IllegalArgumentException e) {
            problem = "could not be read: " + e.getMessage();
        }
        draft.conflict(null, context.bucketResource(), "The policy of bucket " + name + " " + problem + "; it is "
                + "never overwritten, so no delivery channel is planned",
            "Add these statements to the bucket policy by hand (S3 console > " + name + " > Permissions > Bucket "
                + "policy), then plan again:\n"
                + Documents.configBucketPolicy(context.partition(), name, context.accountId()));
        return false;
    }

    private static void addPolicy(Context context, String region, Kind kind, String reason, Draft draft) {
        String name = context.bucketName();
        draft.add(kind, Operation.PUT_BUCKET_POLICY, region, context.bucketResource(),
            "Set the policy of bucket " + name + " to let AWS Config check it and deliver to AWSLogs/"
                + context.accountId() + "/Config/", reason,
            Parameters.BUCKET_NAME, name,
            Parameters.POLICY, Documents.configBucketPolicy(context.partition(), name, context.accountId()));
    }
}
