package com.caseledger.query.reports;

import com.caseledger.events.ServqualDimension;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.EnumMap;
import java.util.Map;

/**
 * SERVQUAL gaps of a cohort: each dimension's score is the mean gap (perception - expectation) of its answers;
 * the unweighted score is the mean of the dimension scores, the weighted one sum(weight x score) / 100. When a
 * dimension has no answers, both use the dimensions that have (weights rescaled to the weights present).
 */
public record ServqualScores(@Schema(description = "the mean gap of each dimension that has answers")
                             Map<ServqualDimension, Double> dimensions,
                             @Schema(nullable = true, description = "null without answers") Double unweighted,
                             @Schema(nullable = true, description = "null without answers") Double weighted) {

    public static ServqualScores of(Map<ServqualDimension, Double> dimensionScores, ServqualWeights weights) {
        Map<ServqualDimension, Double> dimensions = new EnumMap<>(ServqualDimension.class);
        dimensions.putAll(dimensionScores);
        if (dimensions.isEmpty()) {
            return new ServqualScores(dimensions, null, null);
        }
        double unweighted = dimensions.values().stream().mapToDouble(Double::doubleValue).sum() / dimensions.size();
        double weightSum = dimensions.keySet().stream().mapToDouble(weights::of).sum();
        Double weighted = weightSum == 0 ? null : dimensions.entrySet().stream()
                .mapToDouble(score -> weights.of(score.getKey()) * score.getValue()).sum() / weightSum;
        return new ServqualScores(dimensions, unweighted, weighted);
    }
}
