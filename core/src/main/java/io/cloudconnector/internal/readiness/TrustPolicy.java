package io.cloudconnector.internal.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An IAM role's trust policy, read as IAM reads it, answering one question: may Microsoft's account assume the role
 * with a given External ID, and does the role insist on one?
 *
 * <p>Statements may be one object or a list; {@code Principal}, {@code Action} and condition values may be a string or
 * a list; {@code NotPrincipal} and {@code NotAction} invert; {@code *} and {@code ?} wildcards match actions; an
 * applicable Deny wins over any Allow. Of the conditions, only those on {@code sts:ExternalId} are evaluated (with
 * the string operators, their {@code IfExists} and set forms, and {@code Null}); conditions on other keys cannot be
 * known in advance and are taken as satisfied.
 */
public final class TrustPolicy {

    /** The AWS account of the classic Defender for Cloud connector, which assumes the role. */
    public static final String MICROSOFT_ACCOUNT_ID = "158177204117";
    public static final String MICROSOFT_ROOT = "arn:aws:iam::" + MICROSOFT_ACCOUNT_ID + ":root";

    private static final String ASSUME_ROLE = "sts:AssumeRole";
    private static final String EXTERNAL_ID_KEY = "sts:ExternalId";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Statement> statements;

    private TrustPolicy(List<Statement> statements) {
        this.statements = statements;
    }

    /**
     * Reads a (URL-decoded) policy document.
     *
     * @throws IllegalArgumentException when it is not JSON or has no {@code Statement}
     */
    public static TrustPolicy parse(String document) {
        JsonNode root;
        try {
            root = MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject() || root.get("Statement") == null) {
            throw new IllegalArgumentException("it has no Statement");
        }
        JsonNode statement = root.get("Statement");
        List<JsonNode> nodes = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(nodes::add);
        } else {
            nodes.add(statement);
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            statements.add(new Statement(nodes.get(i), i + 1));
        }
        return new TrustPolicy(statements);
    }

    /** How the policy treats Microsoft's account calling {@code sts:AssumeRole} with {@code externalId}. */
    public Evaluation evaluate(String externalId) {
        List<String> allowing = new ArrayList<>();
        List<String> withoutExternalId = new ArrayList<>();
        Set<String> requiredExternalIds = new LinkedHashSet<>();
        boolean admitsExternalId = false;
        String denying = null;
        for (Statement statement : statements) {
            if (!statement.appliesToMicrosoft() || !statement.coversAssumeRole()) {
                continue;
            }
            List<ExternalIdCondition> conditions = statement.externalIdConditions();
            boolean admits = conditions.stream().allMatch(condition -> condition.admits(externalId));
            if (statement.deny()) {
                denying = denying == null && admits ? statement.label() : denying;
            } else if (statement.allow()) {
                allowing.add(statement.label());
                List<ExternalIdCondition> requiring =
                    conditions.stream().filter(ExternalIdCondition::requires).toList();
                if (requiring.isEmpty()) {
                    withoutExternalId.add(statement.label());
                }
                requiring.forEach(condition -> requiredExternalIds.addAll(condition.values()));
                admitsExternalId |= admits;
            }
        }
        return new Evaluation(allowing, withoutExternalId, List.copyOf(requiredExternalIds), admitsExternalId,
            denying);
    }

    /**
     * What a policy means for Microsoft's account.
     *
     * @param allowing the labels of the Allow statements that let it call {@code sts:AssumeRole}, whatever the
     *     External ID
     * @param withoutExternalId those of them that do not require a particular External ID
     * @param requiredExternalIds the External IDs the others require
     * @param admitsExternalId whether an allowing statement admits the External ID evaluated
     * @param denying the label of a Deny statement that blocks the call with that External ID, or null
     */
    public record Evaluation(List<String> allowing, List<String> withoutExternalId, List<String> requiredExternalIds,
        boolean admitsExternalId, String denying) {
    }

    /** One statement; its label is its {@code Sid} or its position. */
    private record Statement(JsonNode node, int position) {

        String label() {
            JsonNode sid = node.get("Sid");
            return sid != null && sid.isTextual() && !sid.textValue().isEmpty()
                ? "statement '" + sid.textValue() + "'" : "statement " + position;
        }

        boolean allow() {
            return "Allow".equals(text(node.get("Effect")));
        }

        boolean deny() {
            return "Deny".equals(text(node.get("Effect")));
        }

        boolean appliesToMicrosoft() {
            if (node.has("Principal")) {
                return namesMicrosoft(node.get("Principal"));
            }
            return node.has("NotPrincipal") && !namesMicrosoft(node.get("NotPrincipal"));
        }

        boolean coversAssumeRole() {
            if (node.has("Action")) {
                return values(node.get("Action")).stream().anyMatch(TrustPolicy::matchesAssumeRole);
            }
            return node.has("NotAction") && values(node.get("NotAction")).stream()
                .noneMatch(TrustPolicy::matchesAssumeRole);
        }

        List<ExternalIdCondition> externalIdConditions() {
            List<ExternalIdCondition> conditions = new ArrayList<>();
            JsonNode condition = node.get("Condition");
            if (condition == null || !condition.isObject()) {
                return conditions;
            }
            condition.fields().forEachRemaining(operator -> operator.getValue().fields().forEachRemaining(key -> {
                if (EXTERNAL_ID_KEY.equalsIgnoreCase(key.getKey())) {
                    conditions.add(new ExternalIdCondition(operator.getKey(), values(key.getValue())));
                }
            }));
            return conditions;
        }

        private static boolean namesMicrosoft(JsonNode principal) {
            if (principal.isTextual()) {
                return "*".equals(principal.textValue());
            }
            return values(principal.get("AWS")).stream()
                .anyMatch(p -> "*".equals(p) || MICROSOFT_ROOT.equals(p) || MICROSOFT_ACCOUNT_ID.equals(p));
        }
    }

    /** One condition on {@code sts:ExternalId}, such as {@code StringEquals} with its values. */
    private record ExternalIdCondition(String operator, List<String> values) {

        /** The operator without its set prefix ({@code ForAnyValue:}) and {@code IfExists} suffix. */
        String base() {
            String base = operator.substring(operator.indexOf(':') + 1);
            return base.endsWith("IfExists") ? base.substring(0, base.length() - "IfExists".length()) : base;
        }

        /** Whether a caller must present one of {@link #values()}: without it, any External ID (or none) passes. */
        boolean requires() {
            boolean positive = switch (base()) {
                case "StringEquals", "StringEqualsIgnoreCase" -> true;
                case "StringLike" -> !values.contains("*");
                default -> false;
            };
            return positive && !operator.endsWith("IfExists");
        }

        /** Whether the condition holds for a request carrying {@code externalId}. */
        boolean admits(String externalId) {
            return switch (base()) {
                case "StringEquals" -> values.contains(externalId);
                case "StringEqualsIgnoreCase" -> values.stream().anyMatch(externalId::equalsIgnoreCase);
                case "StringLike" -> values.stream().anyMatch(v -> glob(v, false).matcher(externalId).matches());
                case "StringNotEquals" -> !values.contains(externalId);
                case "StringNotEqualsIgnoreCase" -> values.stream().noneMatch(externalId::equalsIgnoreCase);
                case "StringNotLike" -> values.stream().noneMatch(v -> glob(v, false).matcher(externalId).matches());
                case "Null" -> values.stream().anyMatch("false"::equalsIgnoreCase);
                default -> true;
            };
        }
    }

    private static boolean matchesAssumeRole(String action) {
        return glob(action, true).matcher(ASSUME_ROLE).matches();
    }

    /** An IAM wildcard pattern ({@code *} any run, {@code ?} one character) as a regular expression. */
    private static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /** A string or a list of strings as a list; a missing node as an empty one. */
    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(element -> values.add(element.asText()));
        } else if (node.isValueNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.asText();
    }
}
