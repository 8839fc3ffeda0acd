/** The AWS side of the connector SDK, over aws-sdk-java-v2. */
module io.cloudconnector.aws {
    requires transitive io.cloudconnector.core;
    requires org.slf4j;
    requires java.logging;
    requires java.xml;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.utils;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache;
    requires software.amazon.awssdk.services.sts;
    requires software.amazon.awssdk.services.ec2;
    requires software.amazon.awssdk.services.iam;
    requires software.amazon.awssdk.services.ssm;
    requires software.amazon.awssdk.services.securityhub;
    requires software.amazon.awssdk.services.config;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.ratelimiter;
    requires io.github.resilience4j.retry;
    requires software.amazon.awssdk.services.s3;
    requires io.github.resilience4j.circuitbreaker;
    requires static org.immutables.value;

    exports io.cloudconnector.aws;
}
