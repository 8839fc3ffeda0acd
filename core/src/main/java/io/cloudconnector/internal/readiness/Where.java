package io.cloudconnector.internal.readiness;

/** What a check is about: its target (account ID, region or instance ID) and, below account level, its region. */
record Where(String target, String region) {

    static Where account(String accountId) {
        return new Where(accountId, null);
    }

    static Where region(String region) {
        return new Where(region, region);
    }

    static Where instance(String instanceId, String region) {
        return new Where(instanceId, region);
    }
}
