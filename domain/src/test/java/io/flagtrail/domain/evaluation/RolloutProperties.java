package io.flagtrail.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The percentage rollout: the share it promises over many users, and the same answer for one user every time. */
class RolloutProperties {

    @Property(tries = 20)
    void a_rollout_serves_its_percentage_within_one_point_over_100000_keys(
            @ForAll @IntRange(min = 1, max = 99) int percentage,
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String feature) {
        var flag = FlagDefinition.plain(feature, true, percentage);
        int on = 0;
        for (int i = 0; i < 100_000; i++) {
            var evaluation = flag.evaluate(new EvaluationContext("user-" + i, Map.of()));
            assertEquals(EvaluationReason.SPLIT, evaluation.reason());
            if (Boolean.TRUE.equals(evaluation.value())) {
                on++;
            }
        }
        double share = on / 1000.0;
        assertTrue(Math.abs(share - percentage) <= 1.0, feature + " at " + percentage + "% served " + share + "%");
    }

    @Property(tries = 200)
    void a_user_keeps_their_answer_and_raising_the_rollout_never_takes_it_away(
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String user,
            @ForAll @IntRange(min = 0, max = 99) int lower) {
        var before = FlagDefinition.plain("checkout", true, lower).evaluate(new EvaluationContext(user, Map.of()));
        var again = FlagDefinition.plain("checkout", true, lower).evaluate(new EvaluationContext(user, Map.of()));
        var raised = FlagDefinition.plain("checkout", true, lower + 1).evaluate(new EvaluationContext(user, Map.of()));

        assertEquals(before, again);
        if (Boolean.TRUE.equals(before.value())) {
            assertEquals(true, raised.value(), "a user inside a rollout stays inside when it grows");
        }
    }
}
