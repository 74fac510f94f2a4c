package com.roofworx.app.bench;

import com.roofworx.app.browser.Browser;
import com.roofworx.app.browser.FieldAppStack;
import com.roofworx.app.support.Api;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tap-to-toast of the field app in headless Chromium at phone size: the time from the tap on Save (the click
 * event's timestamp) to the frame after the confirmation was put on screen, as the page itself measures it
 * ({@code performance.measure('rw:tap-to-toast')}), on loopback, on an emulated slow 3G link (400 ms, 400
 * kbit/s) and offline. Target: under 100 ms whatever the network. Prints percentiles; asserts nothing.
 * <pre>mvn -B -q -pl roofworx-ee-app -am package exec:java -DskipTests -Dexec.skip
 *   -Dexec.mainClass=com.roofworx.app.bench.TapToToastBench [-Dbench.taps=30]</pre>
 * (from the repository root; {@code package} builds the WAR it deploys).
 */
public final class TapToToastBench {
    private TapToToastBench() {
    }

    public static void main(String[] args) throws Exception {
        int taps = Integer.getInteger("bench.taps", 30);
        FieldAppStack stack = FieldAppStack.start();
        try (Browser browser = new Browser(stack.base)) {
            browser.signIn(Api.ANA);
            browser.awaitServiceWorker();
            browser.waitForElement(By.xpath("//label[contains(@class,'project')]"));
            run(browser, "warm-up", 5, () -> { });
            System.out.printf(Locale.ROOT, "tap-to-toast, %d taps each (Chromium %s, headless, 360x740):%n", taps,
                    browser.driver.getCapabilities().getBrowserVersion());
            report("loopback", run(browser, "loopback", taps, browser::online));
            report("slow 3G", run(browser, "slow3g", taps, browser::slow3g));
            report("offline", run(browser, "offline", taps, browser::offline));
            browser.online();
        } finally {
            stack.close();
        }
    }

    private static List<Double> run(Browser browser, String label, int taps, Runnable network) {
        network.run();
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < taps; i++) {
            browser.submit("Maple St re-roof", 0, 5, "bench " + label + " " + i);
            browser.waitFor(Duration.ofSeconds(5), () -> ((Number) browser.js(
                    "return performance.getEntriesByName('rw:tap-to-toast').length")).intValue() > 0);
            samples.add(((Number) browser.js("const m = performance.getEntriesByName('rw:tap-to-toast');"
                    + "const d = m.at(-1).duration; performance.clearMeasures('rw:tap-to-toast'); return d;"))
                    .doubleValue());
            browser.waitFor(Duration.ofSeconds(5), () -> "".equals(browser.driver.findElement(By.id("notes"))
                    .getAttribute("value")));
        }
        browser.online();
        return samples;
    }

    private static void report(String label, List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "  %-9s p50 %5.1f ms  p95 %5.1f ms  max %5.1f ms%n", label,
                at(sorted, 0.50), at(sorted, 0.95), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
