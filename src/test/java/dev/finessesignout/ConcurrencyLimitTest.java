package dev.finessesignout;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bulk file never has more than signout.max-in-flight sign-outs at Finesse at once. */
class ConcurrencyLimitTest extends SignoutTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("signout.max-in-flight", "3");
    }

    @Test
    void atMostMaxInFlightSignOutsReachFinesseAtOnce() {
        SIMULATOR.sides().forEach(side -> side.faults().latency(Duration.ofMillis(300)));
        StringBuilder file = new StringBuilder();
        for (int id = 1001; id <= 1011; id++) {
            file.append(id).append('\n');
        }
        dropFile("bulk.csv", file.toString());
        awaitAudit(11).forEach(record -> assertEquals("CONFIRMED", record.path("outcome").asText()));

        int most = SIMULATOR.sides().stream().mapToInt(side -> side.maxPutsInFlight()).max().orElse(0);
        assertEquals(3, most, "the limit is reached and never passed");
    }
}
