package com.caseledger.command.refunds;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;

/**
 * After-sales requests.
 *
 * @param autoApprovalLimit requests carrying money up to this amount (in the order's currency) are approved at once by
 *                          the system; 0 sends every request to an approver
 */
@ConfigurationProperties("caseledger.refunds")
@Validated
public record RefundSettings(@DefaultValue("200.00") @NotNull @DecimalMin("0") BigDecimal autoApprovalLimit) {
}
