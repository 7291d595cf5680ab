package dev.commentguard.features;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeDetectorTest {

    @Test
    void tracesLogsAndShellSessionsAreCode() {
        String trace = "Still failing after the update:\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3.11/site-packages/app/main.py\", line 42, in <module>\n"
                + "ValueError: invalid literal for int() with base 10: '0300 1234567'\n";
        assertThat(CodeDetector.share(trace)).isEqualTo(0.75);
        assertThat(CodeDetector.withoutCode(trace).strip()).isEqualTo("Still failing after the update:");
        String log = "2024-05-02 10:14:03,221 ERROR [main] Connection refused to 10.0.0.12:5432\n"
                + "$ sudo systemctl restart postgresql\n";
        assertThat(CodeDetector.share(log)).isEqualTo(1.0);
        assertThat(CodeDetector.share("Fixed it with `pip install --upgrade requests`, thanks")).isEqualTo(0.25);
    }

    @Test
    void queryPlansAreProgramOutput() {
        String plan = "Index on email exists but the plan is:\n\n"
                + "Seq Scan on invoices  (cost=0.00..48213.00 rows=1 width=120) (actual time=412.301..412.302 rows=1 loops=1)\n"
                + "  Filter: (lower(email) = 'a@b.com'::text)\n"
                + "  Rows Removed by Filter: 1999999\n"
                + "Planning Time: 0.091 ms\n"
                + "Needed an expression index.";
        assertThat(CodeDetector.share(plan)).isEqualTo(4 / 6.0);
        assertThat(CodeDetector.withoutCode(plan)).doesNotContain("1999999", "a@b.com");
    }

    @Test
    void proseIsNotCode() {
        assertThat(CodeDetector.share("Python is great, but java is slow to start: I timed it.")).isZero();
        assertThat(CodeDetector.share("> the council says the work will end in March\nIt won't.")).isZero();
        assertThat(CodeDetector.share("See https://github.com/psf/requests/issues/6432_x for the fix")).isZero();
    }
}
