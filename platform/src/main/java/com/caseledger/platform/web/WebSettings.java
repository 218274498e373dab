package com.caseledger.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP edge.
 *
 * @param maxBodySize the largest request body accepted; a larger one is refused with 413
 */
@ConfigurationProperties("caseledger.web")
@Validated
public record WebSettings(@DefaultValue("256KB") DataSize maxBodySize) {

    public WebSettings {
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("caseledger.web.max-body-size must be at least 1KB, not " + maxBodySize);
        }
    }
}
