package com.roofworx.app;

import com.roofworx.app.browser.Browser;
import com.roofworx.app.browser.FieldAppStack;
import com.roofworx.app.support.Api;
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
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox in a real Chromium: entries made offline survive a reload and reach PostgreSQL and the Zoho CRM
 * simulator exactly once; two tabs never send the same entry; a refused entry is shown with the server's
 * reason and kept until the worker fixes or discards it; an answer lost after the server stored the entry is
 * resent with the same id and answered 200, and nothing is doubled.
 */
@ExtendWith(FieldAppStack.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxBrowserIT {
    private static final String DEPOT = "Depot flat roof";
    private static final Duration SYNCED = Duration.ofSeconds(60);

    static FieldAppStack stack;
    static Browser browser;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final TestWatcher FAILURES = Browser.keepFailures(() -> browser);

    @BeforeAll
    static void open(FieldAppStack shared) {
        stack = shared;
        browser = new Browser(stack.base);
        browser.signIn(Api.BEN);
        browser.awaitServiceWorker();
        browser.waitForElement(projectLabel(DEPOT));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void twentyEntriesMadeOfflineSurviveAReloadAndReachEachStoreExactlyOnce() throws Exception {
        String prefix = "offline batch " + RUN;
        long created = stack.submitsAnswered(201);
        long repeated = stack.submitsAnswered(200);
        browser.offline();
        try {
            for (int i = 0; i < 20; i++) {
                browser.submit(DEPOT, 1, 5 * (i % 12), prefix + " #" + i);
                browser.waitFor(Duration.ofSeconds(5), () -> "".equals(browser.driver.findElement(By.id("notes"))
                        .getAttribute("value")));
            }
            browser.goTo("entries");
            browser.waitFor(Duration.ofSeconds(10), () -> browser.entriesWith(prefix, "phone") == 20);

            browser.driver.navigate().refresh();
            browser.waitFor(Duration.ofSeconds(15), () -> browser.entriesWith(prefix, "phone") == 20);
            assertThat(browser.driver.findElement(By.id("net")).isDisplayed()).isTrue();
            assertThat(browser.driver.findElement(By.id("badge")).getText()).isEqualTo("20");
            browser.screenshot("06-offline-outbox");
        } finally {
            browser.online();
        }
        browser.waitFor(SYNCED, () -> browser.entriesWith(prefix, "office") == 20);
        assertThat(browser.entriesWith(prefix)).hasSize(20);
        assertThat(stack.rowsWithNotesPrefix(prefix)).as("rows, distinct ids").containsExactly(20, 20);
        assertThat(stack.zohoRecordsWithNotesPrefix(prefix)).isEqualTo(20);
        assertThat(stack.zohoDistinctIdsWithNotesPrefix(prefix)).isEqualTo(20);
        assertThat(stack.submitsAnswered(201) - created).as("each entry sent and created once").isEqualTo(20);
        assertThat(stack.submitsAnswered(200) - repeated).as("no entry sent a second time").isZero();
    }

    @Test
    @Order(2)
    void twoTabsWithTheSameOutboxNeverSendAnEntryTwice() throws Exception {
        String prefix = "two tabs " + RUN;
        String first = browser.driver.getWindowHandle();
        browser.newTab();
        String second = browser.driver.getWindowHandle();
        try {
            browser.open("#/entries");
            browser.click(By.cssSelector("#banner button"));
            browser.pickDemoUser(Api.BEN);
            browser.offline();
            browser.driver.switchTo().window(first);
            browser.offline();
            browser.goTo("new");
            for (int i = 0; i < 5; i++) {
                browser.submit(DEPOT, 2, 0, prefix + " #" + i);
                browser.waitFor(Duration.ofSeconds(5), () -> "".equals(browser.driver.findElement(By.id("notes"))
                        .getAttribute("value")));
            }
            long created = stack.submitsAnswered(201);
            long repeated = stack.submitsAnswered(200);
            // Both tabs come back online, and each is also told to send at once.
            for (String tab : List.of(second, first)) {
                browser.driver.switchTo().window(tab);
                browser.online();
                browser.js("import('./app/outbox.js').then(m => { m.flush(); m.flush(); })");
            }
            browser.goTo("entries");
            browser.waitFor(SYNCED, () -> browser.entriesWith(prefix, "office") == 5);
            assertThat(stack.submitsAnswered(201) - created).isEqualTo(5);
            assertThat(stack.submitsAnswered(200) - repeated).as("no entry sent twice").isZero();
            assertThat(stack.rowsWithNotesPrefix(prefix)).containsExactly(5, 5);
        } finally {
            browser.driver.switchTo().window(second);
            browser.online();
            browser.driver.close();
            browser.driver.switchTo().window(first);
            browser.online();
        }
    }

    @Test
    @Order(3)
    void refusedEntriesShowTheReasonAndStayUntilFixedOrDiscarded() throws Exception {
        String tooOld = "too old " + RUN;
        String changed = "changed " + RUN;
        String depot = stack.api.projectId(stack.api.worker(Api.BEN), DEPOT);
        // The server already has an entry under this id, with other content: a resend of another body is a 409.
        UUID taken = UUID.randomUUID();
        assertThat(stack.api.submit(stack.api.worker(Api.BEN), Api.entryJson(taken, depot, Api.today(), 60,
                "original " + RUN)).status()).isEqualTo(201);
        // Two entries as a phone offline for months would hold them: one too old for the backdating window,
        // one with an id the server already has.
        String old = LocalDate.now().minusDays(90).toString();
        Object added = browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "import('./app/outbox.js').then(async (m) => {"
                + "  await m.add(arguments[0], {id: arguments[1], projectId: arguments[2], workDate: arguments[3],"
                + "    minutes: 45, notes: arguments[4], taskType: null}, 'Depot flat roof');"
                + "  await m.add(arguments[0], {id: arguments[5], projectId: arguments[2], workDate: arguments[6],"
                + "    minutes: 90, notes: arguments[7], taskType: null}, 'Depot flat roof');"
                + "  await m.flush(); done(true);"
                + "}).catch((e) => done(String(e)));",
                Api.BEN, UUID.randomUUID().toString(), depot, old, tooOld, taken.toString(), Api.today(), changed);
        assertThat(added).isEqualTo(true);
        browser.goTo("entries");
        browser.waitFor(Duration.ofSeconds(15), () -> browser.entriesWith(tooOld, "refused") == 1
                && browser.entriesWith(changed, "refused") == 1);
        assertThat(browser.entriesWith(tooOld).get(0).getText()).contains("workDate", "must not be before");
        assertThat(browser.entriesWith(changed).get(0).getText()).contains("already exists with different content");
        browser.screenshot("07-not-accepted");

        browser.driver.navigate().refresh();
        browser.waitFor(Duration.ofSeconds(15), () -> browser.entriesWith(tooOld, "refused") == 1
                && browser.entriesWith(changed, "refused") == 1);
        assertThat(outboxStates()).as("kept in the outbox").contains("refused:" + tooOld, "refused:" + changed);

        browser.tap(button(changed, "Discard"));
        browser.driver.switchTo().alert().accept();
        browser.waitFor(Duration.ofSeconds(5), () -> browser.entriesWith(changed).isEmpty());

        browser.tap(button(tooOld, "Fix"));
        browser.waitForElement(By.id("save"));
        assertThat(browser.driver.findElement(By.id("notes")).getAttribute("value")).isEqualTo(tooOld);
        browser.click(By.xpath("//button[normalize-space()='Today']"));
        browser.click(By.id("save"));
        browser.goTo("entries");
        browser.waitFor(SYNCED, () -> browser.entriesWith(tooOld, "office") == 1 && browser.entriesWith(tooOld).size() == 1);
        assertThat(outboxStates()).isEmpty();
        assertThat(stack.rowsWithNotesPrefix(tooOld)).containsExactly(1, 1);
        assertThat(stack.rowsWithNotesPrefix(changed)).containsExactly(0, 0);
    }

    @Test
    @Order(4)
    void anAnswerLostAfterTheServerStoredTheEntryIsResentAndNothingIsDoubled() throws Exception {
        String note = "dropped answer " + RUN;
        String first = browser.driver.getWindowHandle();
        browser.newTab();
        try {
            // Through the front door, its own origin: sign in there first.
            browser.driver.get(stack.frontDoor.base().toString());
            browser.click(By.id("sign-in"));
            browser.pickDemoUser("cho.tiler@example.com");
            browser.waitForElement(projectLabel(DEPOT));
            int before = stack.frontDoor.submitStatuses().size();
            stack.frontDoor.dropNextSubmitAnswers(1);
            browser.submit(DEPOT, 4, 0, note);
            browser.waitFor(Duration.ofSeconds(2), () -> browser.toast().isDisplayed());
            browser.goTo("entries");
            browser.waitFor(SYNCED, () -> browser.entriesWith(note, "office") == 1);
            List<Integer> statuses = stack.frontDoor.submitStatuses();
            assertThat(statuses.subList(before, statuses.size())).as("stored, answer lost, resent: the stored entry")
                    .containsExactly(201, 200);
            assertThat(stack.frontDoor.droppedStatuses()).containsExactly(201);
            assertThat(stack.rowsWithNotesPrefix(note)).containsExactly(1, 1);
            assertThat(stack.zohoRecordsWithNotesPrefix(note)).isEqualTo(1);
        } finally {
            browser.driver.close();
            browser.driver.switchTo().window(first);
        }
    }

    private static By projectLabel(String name) {
        return By.xpath("//label[contains(@class,'project')][.//strong[normalize-space()='" + name + "']]");
    }

    private static WebElement button(String entryText, String label) {
        return browser.entriesWith(entryText).get(0).findElement(By.xpath(".//button[normalize-space()='" + label + "']"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> outboxStates() {
        return (List<String>) browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "import('./app/outbox.js').then(m => m.items(arguments[0]))"
                + ".then(items => done(items.map(i => i.state + ':' + i.body.notes)));", Api.BEN);
    }
}
