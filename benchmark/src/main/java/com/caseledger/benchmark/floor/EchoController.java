package com.caseledger.benchmark.floor;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The web layer's floor, served only by the benchmark's instance: a JSON request in and a JSON answer out, through
 * the same server, filters and converters as a command, with no command behind it.
 */
@RestController
public class EchoController {

    public record Echo(String caseId, long version) {
    }

    @PostMapping("/benchmark/echo")
    public Echo echo(@RequestBody Map<String, Object> body) {
        return new Echo(String.valueOf(body.get("agentId")), body.size());
    }
}
