/** Many accounts: a Security Hub administrator's members planned into specs, run under one limit, and reported. */
package io.cloudconnector.internal.accounts;
