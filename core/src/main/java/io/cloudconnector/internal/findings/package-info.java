/** Security Hub findings in core: ASFF checks, paging across regions, compliance, secure score and export. */
package io.cloudconnector.internal.findings;
