package com.roofworx.app;

import com.roofworx.app.browser.Browser;
import com.roofworx.app.browser.FieldAppStack;
import com.roofworx.app.support.Api;
import com.roofworx.app.support.WarmRows;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.roofworx.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edit and Void in a real Chromium, through the outbox: an entry made and edited offline is sent as a submit and
 * then a correction naming version 1, in that order, and arrives corrected in PostgreSQL and the simulator; a
 * voided entry leaves the list (and shows struck through with "Show voided"); an edit of an entry changed
 * elsewhere meanwhile is answered 412 and shown as "Changed elsewhere", with the entry reloaded.
 */
@ExtendWith(FieldAppStack.Extension.class)
class CorrectionsBrowserIT {
    private static final String MAPLE = "Maple St re-roof";
    private static final Duration SYNCED = Duration.ofSeconds(60);
    private static final Duration SHOWN = Duration.ofSeconds(15);

    static FieldAppStack stack;
    static Browser browser;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final TestWatcher FAILURES = Browser.keepFailures(() -> browser);

    @BeforeAll
    static void open(FieldAppStack shared) {
        stack = shared;
        browser = new Browser(stack.base);
        browser.signIn(Api.ANA);
        browser.awaitServiceWorker();
        browser.waitForElement(By.xpath("//label[contains(@class,'project')][.//strong[normalize-space()='"
                + MAPLE + "']]"));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anEntryMadeAndEditedOfflineArrivesCorrectedEverywhere() throws Exception {
        String note = "edit me " + RUN;
        String edited = "edited " + RUN;
        String id;
        browser.offline();
        try {
            submitted(note);
            id = idOf(note);
            browser.tap(button(note, "Edit"));
            browser.waitForElement(By.id("save"));
            assertThat(browser.driver.findElement(By.id("notes")).getAttribute("value")).isEqualTo(note);
            browser.fillIn(2, 30, edited);
            browser.waitFor(SHOWN, () -> browser.entriesWith(edited, "phone") == 1 && browser.entriesWith(note).isEmpty());
            assertThat(outbox()).as("the correction waits behind its submit, against the version it will create")
                    .containsExactly("post:" + id + ":-", "put:" + id + ":1");
        } finally {
            browser.online();
        }
        browser.waitFor(SYNCED, () -> browser.entriesWith(edited, "office") == 1);
        assertThat(outbox()).isEmpty();
        JsonObject server = stack.api.entry(ana(), id).json();
        assertThat(server.getInt("version")).isEqualTo(2);
        assertThat(server.getInt("minutes")).isEqualTo(150);
        assertThat(WarmRows.row(stack.services.postgres(), UUID.fromString(id)))
                .hasValue(new WarmRows.Row(2, false, 150, edited));
        assertThat(stack.services.zoho().records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .filter(r -> id.equals(r.getString(ZohoCrmSimulator.ENTRY_UUID, null)))
                .map(r -> r.getString("Notes", null)).toList()).containsExactly(edited);
    }

    @Test
    void aVoidedEntryLeavesTheListAndShowsStruckThroughOnlyWhenAsked() {
        String note = "void me " + RUN;
        submitted(note);
        browser.waitFor(SYNCED, () -> browser.entriesWith(note, "phone") == 0);
        String id = idOf(note);
        browser.tap(button(note, "Void"));
        browser.driver.switchTo().alert().accept();
        browser.waitFor(SHOWN, () -> browser.entriesWith(note).isEmpty());
        browser.waitFor(SYNCED, () -> outbox().isEmpty());

        JsonObject server = stack.api.entry(ana(), id).json();
        assertThat(server.getBoolean("voided")).isTrue();
        assertThat(server.getInt("version")).isEqualTo(2);
        assertThat(stack.api.http().get("api/time-entries", bearer(ana())).array().getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("id")).doesNotContain(id);

        browser.click(By.id("show-voided"));
        browser.waitFor(SHOWN, () -> browser.entriesWith(note).size() == 1);
        WebElement shown = browser.entriesWith(note).get(0);
        assertThat(shown.getAttribute("data-voided")).isEqualTo("true");
        assertThat(shown.getText()).contains("Voided");
        assertThat(shown.findElements(By.xpath(".//button"))).as("a voided entry cannot be changed").isEmpty();
        browser.click(By.id("show-voided"));
        browser.waitFor(SHOWN, () -> browser.entriesWith(note).isEmpty());
    }

    @Test
    void anEditOfAnEntryChangedElsewhereIsShownAsSuchAndTheEntryReloaded() {
        String note = "stale " + RUN;
        String elsewhere = "other phone " + RUN;
        String here = "this phone " + RUN;
        submitted(note);
        browser.waitFor(SYNCED, () -> browser.entriesWith(note, "phone") == 0);
        String id = idOf(note);
        // Offline, so no refresh brings the other phone's version before the edit is made.
        browser.offline();
        try {
            String maple = stack.api.projectId(ana(), MAPLE);
            assertThat(stack.api.correct(ana(), id, "W/\"1\"", Api.entryJson(UUID.fromString(id), maple,
                    Api.today(), 45, elsewhere)).status()).isEqualTo(200);
            browser.tap(button(note, "Edit"));
            browser.waitForElement(By.id("save"));
            browser.fillIn(1, 0, here);
            browser.waitFor(SHOWN, () -> browser.entriesWith(here, "phone") == 1);
        } finally {
            browser.online();
        }
        browser.waitFor(SYNCED, () -> browser.entriesWith(here, "refused") == 1
                && browser.entriesWith(elsewhere).size() == 1);
        assertThat(browser.entriesWith(here).get(0).getText()).contains("Changed elsewhere");
        assertThat(stack.api.entry(ana(), id).json().getString("notes")).isEqualTo(elsewhere);

        browser.tap(button(here, "Discard"));
        browser.driver.switchTo().alert().accept();
        browser.waitFor(SHOWN, () -> browser.entriesWith(here).isEmpty());
        assertThat(outbox()).isEmpty();
    }

    private static String ana() {
        return stack.api.worker(Api.ANA);
    }

    /** Makes an entry in the form and waits until My entries lists it. */
    private static void submitted(String note) {
        browser.submit(MAPLE, 1, 0, note);
        browser.waitFor(Duration.ofSeconds(5), () -> "".equals(browser.driver.findElement(By.id("notes"))
                .getAttribute("value")));
        browser.goTo("entries");
        browser.waitFor(SHOWN, () -> browser.entriesWith(note).size() == 1);
    }

    /** The id of the entry listed with this text; read again when the list is redrawn under the read. */
    private static String idOf(String entryText) {
        String[] id = new String[1];
        browser.waitFor(SHOWN, () -> (id[0] = browser.entriesWith(entryText).get(0).getAttribute("data-id")) != null);
        return id[0];
    }

    private static WebElement button(String entryText, String label) {
        return browser.entriesWith(entryText).get(0).findElement(By.xpath(".//button[normalize-space()='" + label + "']"));
    }

    /** The outbox in order: operation, entry id and If-Match of each item. */
    @SuppressWarnings("unchecked")
    private static List<String> outbox() {
        return (List<String>) browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "import('./app/outbox.js').then(async (m) => (await m.items(arguments[0]))"
                + "  .sort((a, b) => a.createdAt - b.createdAt)"
                + "  .map((i) => (i.op || 'post') + ':' + m.entryOf(i) + ':' + (i.ifMatch || '-')))"
                + ".then(done, (e) => done([String(e)]));", Api.ANA);
    }
}
