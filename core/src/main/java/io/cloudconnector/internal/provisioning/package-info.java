/** Provisioning: the rules that plan an AWS account's preparation from its facts, the applier, and the renderings. */
package io.cloudconnector.internal.provisioning;
