package io.cloudconnector.testkit.internal;

/** The REST routes of Security Hub: method and path to operation name. */
final class SecurityHubRoutes {

    static final String CONTROLS = "/standards/controls/";
    static final String AGGREGATOR = "/findingAggregator/get/";

    private SecurityHubRoutes() {
    }

    static String operation(String method, String path) {
        String route = method + " " + path;
        if (method.equals("GET") && path.startsWith(CONTROLS)) {
            return "DescribeStandardsControls";
        }
        if (method.equals("GET") && path.startsWith(AGGREGATOR)) {
            return "GetFindingAggregator";
        }
        return switch (route) {
            case "GET /accounts" -> "DescribeHub";
            case "POST /accounts" -> "EnableSecurityHub";
            case "POST /findings" -> "GetFindings";
            case "POST /findings/import" -> "BatchImportFindings";
            case "POST /standards/get" -> "GetEnabledStandards";
            case "POST /standards/register" -> "BatchEnableStandards";
            case "GET /findingAggregator/list" -> "ListFindingAggregators";
            case "GET /members" -> "ListMembers";
            default -> "Unknown";
        };
    }
}
