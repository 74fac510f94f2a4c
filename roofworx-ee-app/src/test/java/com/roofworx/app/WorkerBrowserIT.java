package com.roofworx.app;

import com.roofworx.app.browser.Browser;
import com.roofworx.app.browser.FieldAppStack;
import com.roofworx.app.support.Api;
import com.roofworx.app.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker in a real (headless) Chromium at phone size: signs in through the demo identity provider, picks a
 * project and saves; the confirmation shows while the entry is still on its way (offline, and on a slow 3G
 * link, where the request is still pending when the toast is up), and the entry reaches PostgreSQL and the
 * Zoho CRM simulator.
 */
@ExtendWith(FieldAppStack.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerBrowserIT {
    static FieldAppStack stack;
    static Browser browser;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final TestWatcher FAILURES = Browser.keepFailures(() -> browser);

    @BeforeAll
    static void open(FieldAppStack shared) {
        stack = shared;
        browser = new Browser(stack.base);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aWorkerSignsInThroughTheIdentityProvidersPage() {
        browser.open("");
        browser.waitForElement(By.id("sign-in"));
        browser.screenshot("01-sign-in");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("token");
        browser.click(By.id("sign-in"));
        browser.waitForElement(By.cssSelector("button[data-email='" + Api.ANA + "']"));
        assertThat(browser.driver.getCurrentUrl()).startsWith(stack.idp.issuer() + "/authorize?")
                .contains("code_challenge_method=S256", "state=", "nonce=").doesNotContain("token");
        browser.screenshot("02-demo-sign-in");
        browser.pickDemoUser(Api.ANA);

        assertThat(browser.driver.getCurrentUrl()).as("the one-time code left the address bar")
                .isEqualTo(stack.base + "#/new");
        assertThat((String) browser.js("return JSON.stringify(localStorage)")).as("no token outlives the tab")
                .doesNotContain("eyJ");
        assertThat(browser.driver.findElement(By.cssSelector(".who .name")).getText()).isEqualTo("Ana");
        browser.awaitServiceWorker();
        browser.waitForElement(By.xpath("//label[contains(@class,'project')][.//strong[text()='Maple St re-roof']]"));
        browser.screenshot("03-new-entry");
    }

    @Test
    @Order(2)
    void offlineTheConfirmationShowsAtOnceAndTheEntryWaitsOnThePhone() throws Exception {
        String note = "offline toast " + RUN;
        browser.offline();
        try {
            browser.submit("Maple St re-roof", 2, 30, note);
            browser.waitFor(Duration.ofSeconds(2), () -> browser.toast().isDisplayed());
            assertThat(browser.toast().getText()).startsWith("Saved on this phone");
            assertThat(answers(lastToastId())).as("no answer can have come").isZero();
            browser.screenshot("04-saved-offline");
            browser.goTo("entries");
            browser.waitFor(Duration.ofSeconds(5), () -> browser.entriesWith(note, "phone") == 1);
        } finally {
            browser.online();
        }
        browser.waitFor(Duration.ofSeconds(30), () -> browser.entriesWith(note, "office") == 1);
        assertThat(stack.rowsWithNotesPrefix(note)).containsExactly(1, 1);
        assertThat(stack.zohoRecordsWithNotesPrefix(note)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void onSlow3gTheConfirmationIsUpWhileTheRequestIsStillPending() throws Exception {
        String note = "slow 3g " + RUN;
        browser.goTo("new");
        browser.slow3g();
        try {
            browser.submit("Lincoln School gutters", 1, 15, note);
            browser.waitFor(Duration.ofSeconds(2), () -> browser.toast().isDisplayed());
            // Read in the same instant the toast was seen: the entry was sent, and its answer has not come.
            @SuppressWarnings("unchecked")
            Map<String, Object> now = (Map<String, Object>) browser.js(
                    "const id = performance.getEntriesByName('rw:toast').at(-1).detail.id;"
                            + "const of = (n) => performance.getEntriesByName(n).filter(m => m.detail && m.detail.id === id);"
                            + "return {id, toastAt: of('rw:toast')[0].startTime, sent: of('rw:send').length,"
                            + " answered: of('rw:answer').length, toastText: document.getElementById('toast').textContent};");
            assertThat(now.get("toastText")).asString().startsWith("Saved on this phone");
            assertThat(((Number) now.get("answered")).intValue()).as("the request is still pending").isZero();
            String id = (String) now.get("id");
            browser.waitFor(Duration.ofSeconds(15), () -> answers(id) > 0);
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) browser.js(
                    "const m = performance.getEntriesByName('rw:answer').filter(m => m.detail.id === arguments[0])[0];"
                            + "return {at: m.startTime, status: m.detail.status};", id);
            assertThat(((Number) answer.get("status")).intValue()).isEqualTo(201);
            double waited = ((Number) answer.get("at")).doubleValue() - ((Number) now.get("toastAt")).doubleValue();
            assertThat(waited).as("the answer came well after the toast (400 ms of latency)")
                    .isGreaterThan(300);
            System.out.printf("slow 3G: tap-to-toast %.1f ms, toast-to-answer %.0f ms%n", tapToToast(id), waited);
        } finally {
            browser.online();
        }
        browser.goTo("entries");
        browser.waitFor(Duration.ofSeconds(30), () -> browser.entriesWith(note, "office") == 1);
        browser.screenshot("05-my-entries");
        assertThat(stack.rowsWithNotesPrefix(note)).containsExactly(1, 1);
        assertThat(stack.zohoRecordsWithNotesPrefix(note)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theShellIsRevalidatedAndOnlyAllowedOriginsGetCors() {
        Http http = stack.api.http();
        Http.Answer page = http.get("");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(page.header("Content-Security-Policy")).contains("connect-src 'self' " + stack.idp.issuer());
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        Http.Answer sw = http.get("sw.js");
        assertThat(sw.body()).doesNotContain("__SHELL_VERSION__").contains("\"app/outbox.js\"");
        assertThat(http.get("sw.js", "If-None-Match", sw.header("ETag")).status()).isEqualTo(304);
        assertThat(http.get("api/client-config").json().getString("clientId")).isEqualTo("roofworx-field");

        String origin = FieldAppStack.CORS_ORIGIN;
        Http.Answer preflight = http.send("OPTIONS", "api/time-entries", null, "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(http.send("OPTIONS", "api/time-entries", null, "Origin", "https://evil.example.com",
                "Access-Control-Request-Method", "POST").status()).isEqualTo(403);
        Http.Answer list = http.get("api/projects", "Origin", origin, "Authorization", "Bearer " + stack.api.worker(Api.ANA));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        Http.Answer refused = http.get("api/projects", "Origin", origin, "Authorization", "Bearer not-a-token");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).as("a 401 the client can read").isEqualTo(origin);
        assertThat(http.get("api/projects", "Origin", "https://evil.example.com", "Authorization",
                "Bearer " + stack.api.worker(Api.ANA)).header("Access-Control-Allow-Origin")).isNull();
    }

    /** The id of the entry whose confirmation showed last, from the page's own timing marks. */
    static String lastToastId() {
        return (String) browser.js("return performance.getEntriesByName('rw:toast').at(-1).detail.id");
    }

    /** How many answers (or failures) the page saw for the entry's requests. */
    static long answers(String id) {
        return ((Number) browser.js("return performance.getEntriesByName('rw:answer')"
                + ".filter(m => m.detail.id === arguments[0]).length", id)).longValue();
    }

    static double tapToToast(String id) {
        return ((Number) browser.js("return performance.getEntriesByName('rw:tap-to-toast')"
                + ".filter(m => m.detail.id === arguments[0])[0].duration", id)).doubleValue();
    }
}
