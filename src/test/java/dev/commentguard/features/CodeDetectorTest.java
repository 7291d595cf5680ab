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
    void proseIsNotCode() {
        assertThat(CodeDetector.share("Python is great, but java is slow to start: I timed it.")).isZero();
        assertThat(CodeDetector.share("> the council says the work will end in March\nIt won't.")).isZero();
        assertThat(CodeDetector.share("See https://github.com/psf/requests/issues/6432_x for the fix")).isZero();
    }
}
