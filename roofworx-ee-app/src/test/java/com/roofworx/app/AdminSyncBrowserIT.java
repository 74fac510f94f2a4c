package com.roofworx.app;

import com.roofworx.app.browser.Browser;
import com.roofworx.app.browser.FieldAppStack;
import com.roofworx.app.support.Api;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's Sync screen in a real Chromium: entries the Zoho CRM simulator refuses (a field its layout
 * suddenly requires) appear as blocked with Zoho's code and message; after the layout is fixed, one is replayed
 * on its own and the others in bulk by their code, and each reaches Zoho exactly once.
 */
@ExtendWith(FieldAppStack.Extension.class)
class AdminSyncBrowserIT {
    private static final String CODE = "MANDATORY_NOT_FOUND";

    static FieldAppStack stack;
    static Browser browser;

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
    void blockedEntriesShowZohosReasonAndReplayAfterTheFix() throws Exception {
        Api api = stack.api;
        String ana = api.worker(Api.ANA);
        String maple = api.projectId(ana, "Maple St re-roof");
        var layout = stack.services.zoho().module(ZohoCrmSimulator.TIME_ENTRIES);
        List<UUID> ids = new ArrayList<>();
        layout.mandatory("Approved_By");
        try {
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.randomUUID();
                assertThat(api.submit(ana, Api.entryJson(id, maple, Api.today(), 60 + i, "blocked " + i)).status())
                        .isEqualTo(201);
                ids.add(id);
            }
            browser.signIn(Api.BOSS);
            browser.goTo("admin");
            browser.waitFor(Duration.ofSeconds(40), () -> ids.stream().allMatch(id -> !blocked(id).isEmpty()));
            WebElement first = blocked(ids.get(0)).get(0);
            assertThat(first.getText()).contains(Api.ANA, "Office system (Zoho CRM) refused", CODE, "Approved_By");
            assertThat(Long.parseLong(browser.driver.findElement(By.cssSelector("#tile-blocked .value")).getText()))
                    .isGreaterThanOrEqualTo(3);
            browser.js("arguments[0].scrollIntoView({block: 'end'})", first);
            browser.screenshot("08-sync");
        } finally {
            layout.optional("Approved_By");
        }

        // One on its own ...
        browser.tap(blocked(ids.get(0)).get(0).findElement(By.xpath(".//button[normalize-space()='Replay']")));
        browser.waitFor(Duration.ofSeconds(5), () -> browser.toast().getText().startsWith("Replayed"));
        awaitInZoho(api, ana, ids.get(0));

        // ... the rest by their code.
        browser.driver.findElement(By.id("f-code")).sendKeys(CODE);
        browser.click(By.xpath("//form[contains(@class,'filters')]//button[normalize-space()='Filter']"));
        browser.waitFor(Duration.ofSeconds(10), () -> blocked(ids.get(0)).isEmpty() && !blocked(ids.get(1)).isEmpty());
        browser.click(By.id("replay-all"));
        browser.waitFor(Duration.ofSeconds(5), () -> browser.toast().getText().equals("Replayed 2 entries."));
        for (UUID id : ids) {
            awaitInZoho(api, ana, id);
        }
        browser.waitFor(Duration.ofSeconds(15), () -> browser.driver.findElements(By.cssSelector("#blocked li.blocked")).isEmpty());
        for (UUID id : ids) {
            assertThat(stack.services.zoho().records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                    .filter(r -> id.toString().equals(r.getString(ZohoCrmSimulator.ENTRY_UUID, null)))).hasSize(1);
        }
    }

    private static List<WebElement> blocked(UUID id) {
        return browser.driver.findElements(By.cssSelector("#blocked li[data-id='" + id + "']"));
    }

    private static void awaitInZoho(Api api, String token, UUID id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonObject entry;
        do {
            entry = api.entry(token, id.toString()).json();
            if ("SYNCED".equals(entry.getJsonObject("sync").getString("cold"))) {
                return;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("entry " + id + " did not reach Zoho: " + entry);
    }
}
